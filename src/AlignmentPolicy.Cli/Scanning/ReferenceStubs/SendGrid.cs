// Reference stub (compiled by the scan, never run): Twilio SendGrid (package SendGrid), which the package mirror does not serve. A tool
// that sends mail through it mails someone; without this stub the calls do not bind and ALN0002 cannot see them. Only the surface agent
// code calls is declared; bodies are empty on purpose.
#nullable enable
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using SendGrid.Helpers.Mail;

namespace SendGrid
{
    public interface ISendGridClient
    {
        Task<Response> SendEmailAsync(SendGridMessage msg, CancellationToken cancellationToken = default);
    }

    public class SendGridClient : BaseClient
    {
        public SendGridClient(string apiKey) { }
        public SendGridClient(SendGridClientOptions options) { }
        public SendGridClient(System.Net.Http.HttpClient httpClient, string apiKey) { }
    }

    public abstract class BaseClient : ISendGridClient
    {
        public virtual Task<Response> SendEmailAsync(SendGridMessage msg, CancellationToken cancellationToken = default) => throw null!;
    }

    public class SendGridClientOptions { public string? ApiKey { get; set; } }

    public class Response
    {
        public System.Net.HttpStatusCode StatusCode => throw null!;
        public bool IsSuccessStatusCode => throw null!;
        public System.Net.Http.HttpContent Body => throw null!;
    }
}

namespace SendGrid.Helpers.Mail
{
    public class EmailAddress
    {
        public EmailAddress() { }
        public EmailAddress(string email, string? name = null) { }
        public string? Email { get; set; }
        public string? Name { get; set; }
    }

    public class SendGridMessage
    {
        public EmailAddress? From { get; set; }
        public string? Subject { get; set; }
        public string? PlainTextContent { get; set; }
        public string? HtmlContent { get; set; }
        public void AddTo(string email, string? name = null) { }
        public void AddTo(EmailAddress email) { }
        public void SetFrom(string email, string? name = null) { }
        public void SetSubject(string subject) { }
        public void AddContent(string mimeType, string text) { }
    }

    public static class MailHelper
    {
        public static SendGridMessage CreateSingleEmail(EmailAddress from, EmailAddress to, string subject, string plainTextContent, string htmlContent) => throw null!;
        public static SendGridMessage CreateSingleEmailToMultipleRecipients(EmailAddress from, List<EmailAddress> tos, string subject, string plainTextContent, string htmlContent) => throw null!;
    }
}
