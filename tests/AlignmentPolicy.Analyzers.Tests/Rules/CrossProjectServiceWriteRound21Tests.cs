using Microsoft.CodeAnalysis.Testing;
using Verify = AlignmentPolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<AlignmentPolicy.Analyzers.Rules.UngatedToolSideEffectAnalyzer>;

namespace AlignmentPolicy.Analyzers.Tests.Rules;

/// <summary>
/// ALN0002 on tools that act through the application's own service layer declared in another project of the solution (round 21):
/// the tool's class is given <c>IReservationService</c> or <c>IInvoiceRepository</c> by the host's container, and the project the tool
/// is compiled in sees only the call (a scan compiles each project from its sources, so the type is missing). A state-changing
/// operation is named for the domain (<c>BookTableAsync</c>, <c>RefundAsync</c>, <c>SaveAsync</c>): that name is the evidence; reads
/// (<c>GetAsync</c>, <c>FindAvailableAsync</c>, <c>SearchAsync</c>) and a model's or an agent's services are not side effects.
/// </summary>
public class CrossProjectServiceWriteRound21Tests
{
    private const string Usings = """
        using System;
        using System.ComponentModel;
        using System.Threading.Tasks;
        using AlignmentPolicy.Gates;
        using Microsoft.Extensions.AI;
        using Microsoft.SemanticKernel;
        using Contoso.Bistro.Application;

        """;

    [Fact]
    public Task A_write_named_for_the_domain_on_a_service_of_another_project_is_a_side_effect()
    {
        var test = new Verify.Test
        {
            TestCode = Usings + """
                public sealed class ReservationTools(IReservationService reservations, IInvoiceRepository invoices)
                {
                    [KernelFunction, Description("Lists free tables for an evening.")]
                    public async Task<string> FreeTables(DateTime evening) => string.Join(", ", await reservations.FindAvailableAsync(evening));

                    [KernelFunction, Description("Books a table for a guest.")]
                    public async Task<string> {|#0:BookTable|}(string guest, DateTime evening)
                    {
                        var booking = await reservations.BookTableAsync(guest, evening);
                        return $"Booked {booking}";
                    }

                    [KernelFunction, Description("Rembourse une facture.")]
                    public async Task<string> {|#1:Rembourser|}(string facture)
                    {
                        await invoices.RefundAsync(facture);
                        return "remboursée";
                    }

                    [KernelFunction, Description("Shows an invoice.")]
                    public async Task<string> ShowInvoice(string id) => (await invoices.GetAsync(id)).ToString();
                }
                """,
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0002").WithLocation(0).WithArguments("BookTable", "write over HTTP", "BookTable -> reservations.BookTableAsync"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0002").WithLocation(1).WithArguments("Rembourser", "write to a database", "Rembourser -> invoices.RefundAsync"));
        return test.RunAsync();
    }

    [Fact]
    public Task A_checked_write_model_services_and_reads_are_not_flagged()
    {
        var test = new Verify.Test
        {
            TestCode = Usings + """
                public sealed class ConciergeTools(IReservationService reservations, IChatHistoryService history, IPolicyGate gate)
                {
                    [KernelFunction, Description("Books a table once the policy allows it.")]
                    public async Task<string> BookTable(string guest, DateTime evening)
                    {
                        var verdict = await gate.EvaluateAsync(null!, default);
                        if (verdict.Decision != PolicyDecision.Allow)
                        {
                            return "not allowed";
                        }

                        return (await reservations.BookTableAsync(guest, evening)).ToString();
                    }

                    [KernelFunction, Description("Saves the conversation summary.")]
                    public async Task<string> Remember(string text) { await history.SaveAsync(text); return "ok"; }

                    [KernelFunction, Description("Searches bookings.")]
                    public async Task<string> Search(string guest) => (await reservations.SearchAsync(guest)).ToString();

                    [KernelFunction, Description("Builds a booking draft without sending it.")]
                    public string Draft(string guest) => reservations.CreateDraft(guest).ToString();
                }
                """,
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        return test.RunAsync();
    }
}
