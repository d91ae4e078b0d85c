// Semantic Kernel process steps: [KernelFunction] on a KernelProcessStep is called by the process, not chosen by a model.
using System.Net.Mail;
using Microsoft.SemanticKernel;

namespace Microsoft.SemanticKernel
{
    // The Process framework package is not restored here; the step base type as the framework declares it.
    public abstract class KernelProcessStep
    {
    }
}

namespace Contoso.Onboarding.Process
{
    public sealed class CreateAccountStep : KernelProcessStep
    {
        [KernelFunction]
        public void CreateAccount(string employee)
        {
            File.WriteAllText(Path.Combine(Path.GetTempPath(), employee + ".account"), DateTime.UtcNow.ToString("O"));
        }
    }

    public sealed class WelcomeMailStep : KernelProcessStep
    {
        [KernelFunction]
        public void SendWelcome(string employee, string email)
        {
            using var smtp = new SmtpClient("smtp.contoso.example");
            smtp.Send("hr@contoso.example", email, "Welcome", $"Welcome aboard, {employee}!");
        }
    }
}
