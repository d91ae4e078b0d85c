using System.ComponentModel;

namespace Contoso.SupportPortal;

public sealed class MailTools(Mailer mailer)
{
    [Description("Sends the conversation report to an address.")]
    public string SendReport(string to, string report)
    {
        mailer.Deliver(to, "Support report", report);
        return "sent";
    }

    [Description("Drafts a reply without sending it.")]
    public string DraftReply(string customer, string points) => $"Dear {customer},\n{points}\nKind regards";
}

public static class OrderLookup
{
    [Description("Finds an order by number.")]
    public static string FindOrder(string number) => $"Order {number}: in transit";
}
