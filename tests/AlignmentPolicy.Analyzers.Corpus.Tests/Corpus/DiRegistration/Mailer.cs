using System.Net.Mail;

namespace Contoso.SupportPortal;

public sealed class Mailer(string host)
{
    public void Deliver(string to, string subject, string body) => Send(new MailMessage("support@contoso.example", to, subject, body));

    private void Send(MailMessage message)
    {
        using var client = new SmtpClient(host);
        client.Send(message);
    }
}
