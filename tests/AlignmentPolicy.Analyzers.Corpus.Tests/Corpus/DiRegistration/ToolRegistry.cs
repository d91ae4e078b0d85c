using Microsoft.Extensions.AI;

namespace Contoso.SupportPortal;

/// <summary>The tools the support agent may use; defined in MailTools and OrderLookup.</summary>
public sealed class ToolRegistry(MailTools mail)
{
    public IList<AITool> All { get; } =
    [
        AIFunctionFactory.Create(OrderLookup.FindOrder),
        AIFunctionFactory.Create(mail.SendReport), // expect: ALN0002
        AIFunctionFactory.Create(mail.DraftReply),
    ];
}
