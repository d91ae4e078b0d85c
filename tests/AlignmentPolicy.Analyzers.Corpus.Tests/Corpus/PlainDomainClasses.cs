// Ordinary application code in an agent project: side effects, but no tools and no model calls.
using System.Net.Mail;
using System.Diagnostics;

namespace Contoso.Backoffice;

public sealed record Invoice(string Id, string Customer, decimal Total);

public sealed class InvoiceMailer(SmtpClient smtp)
{
    public void Send(Invoice invoice, string to)
        => smtp.Send("billing@contoso.example", to, $"Invoice {invoice.Id}", $"Total due: {invoice.Total:C}");
}

public sealed class InvoiceArchive(string folder)
{
    public string Save(Invoice invoice)
    {
        var path = Path.Combine(folder, invoice.Id + ".json");
        File.WriteAllText(path, System.Text.Json.JsonSerializer.Serialize(invoice));
        return path;
    }
}

public static class Backup
{
    public static void Run(string folder) => Process.Start("tar", $"-czf backup.tgz {folder}")?.WaitForExit();
}

public sealed class BillingRun(InvoiceMailer mailer, InvoiceArchive archive)
{
    public void Execute(IEnumerable<Invoice> invoices)
    {
        foreach (var invoice in invoices)
        {
            archive.Save(invoice);
            mailer.Send(invoice, $"{invoice.Customer}@customers.example");
        }
    }
}
