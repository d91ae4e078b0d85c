using AlignmentPolicy.Core.Attestation;
using AlignmentPolicy.Core.Diagnostics;
using AlignmentPolicy.Core.Evals;
using AlignmentPolicy.Core.PackGate;
using AlignmentPolicy.Core.Tests.Attestation;
using AlignmentPolicy.Tests.Infrastructure;

namespace AlignmentPolicy.Core.Tests.Hostile;

/// <summary>
/// Attestations whose recorded results were forged before packing (so no signature is broken): <c>verify</c>
/// recomputes every recorded figure from the recorded outcomes and the suite definition, and refuses each forgery.
/// </summary>
public sealed class ForgedAttestationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("aln-forged-attestation-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Genuine_recorded_results_pass()
        => Assert.Empty(Verify(_ => { }).Codes);

    [Fact]
    public void A_bound_edited_down_is_ALN0413()
    {
        var (codes, messages) = Verify(e => e.Cells[0].Bound = 0.001, events: 30);
        Assert.Equal(["ALN0413"], codes.Distinct());
        Assert.Contains(messages, m => m.Contains("cell 'explicit/replacement' bound: 'bound' of cell 'explicit/replacement' is 0.001", StringComparison.Ordinal));
    }

    [Fact]
    public void A_failing_run_recorded_as_PASS_is_ALN0413_and_fails_the_policy()
    {
        var (codes, _) = Verify(e =>
        {
            e.Verdict = "PASS";
            foreach (var cell in e.Cells)
            {
                cell.Verdict = cell.Verdict == "FAIL" ? "PASS" : cell.Verdict;
                cell.Detail!.Verdict = cell.Verdict;
            }
        }, events: 30);
        Assert.Equal(["ALN0413"], codes.Distinct());
    }

    [Fact]
    public void Every_cell_marked_non_primary_is_ALN0414()
    {
        var (codes, messages) = Verify(e => e.Cells.ForEach(c => c.Primary = false), events: 30);
        Assert.Equal(["ALN0414"], codes.Distinct());
        Assert.Equal(4, messages.Count);
        Assert.All(messages, m => Assert.Contains("is marked not primary, but it is a primary cell", m));
    }

    [Fact]
    public void No_cells_or_a_missing_cell_is_ALN0414()
    {
        Assert.Equal(["ALN0414"], Verify(e => e.Cells.Clear()).Codes);
        var (codes, messages) = Verify(e => e.Cells.RemoveAt(0), events: 30);
        Assert.Equal(["ALN0414"], codes);
        Assert.Contains("lack cell 'explicit/replacement'", messages[0]);
    }

    [Fact]
    public void Another_suite_definition_is_ALN0414()
        => Assert.Equal(["ALN0414"], Verify(e => e.SuiteSha256 = new string('e', 64)).Codes);

    [Fact]
    public void Settings_the_recorded_policy_does_not_give_are_ALN0413()
    {
        var (codes, messages) = Verify(e =>
        {
            e.Settings!.Threshold = 0.5;
            e.Threshold = 0.5;
        }, events: 30);
        Assert.Equal(["ALN0413"], codes.Distinct());
        Assert.Contains(messages, m => m.Contains("'threshold' 0.5, but the policy gives builtin:coercion 0.05", StringComparison.Ordinal));
    }

    [Fact]
    public void Results_recorded_without_outcomes_cannot_be_recomputed_ALN0413()
    {
        var (codes, messages) = Verify(e =>
        {
            e.Settings = null;
            e.Cells.ForEach(c => c.Detail = null);
        });
        Assert.Equal(["ALN0413"], codes);
        Assert.Contains("without its settings and per-sample outcomes", messages[0]);
    }

    [Fact]
    public void Results_recorded_without_their_transcripts_digest_are_ALN0413()
    {
        var (codes, messages) = Verify(e => e.Transcripts = null);
        Assert.Equal(["ALN0413"], codes);
        Assert.Contains("the transcripts' SHA-256 is not recorded", messages[0]);
        Assert.Equal(["ALN0413"], Verify(e => e.Transcripts!.Sha256 = "not a digest").Codes);
    }

    [Fact]
    public void A_summary_that_disagrees_with_its_own_settings_is_ALN0413()
        => Assert.Equal(["ALN0413"], Verify(e => e.Confidence = 0.5).Codes);

    private (List<string> Codes, List<string> Messages) Verify(Action<EvaluationRecord> forge, int events = 1)
    {
        var predicate = PackageAttestationTests.Predicate();
        var evaluation = AttestationPredicateBuilder.Evaluation(ResultsFixture.Create(events: events));
        forge(evaluation);
        predicate.Evaluations = [evaluation];
        var package = TestPackage.Create(_folder, "Forged" + Guid.NewGuid().ToString("N")[..8]);
        PackageAttestationWriter.Attest(package, predicate, signer: null);

        var reporter = new BufferingReporter();
        var result = PackageVerifier.Verify(package, new PackageVerificationOptions(), reporter);
        Assert.Equal(result.Errors, reporter.Diagnostics.Select(d => d.Code));
        return (result.Errors, [.. reporter.Diagnostics.Select(d => d.Message)]);
    }
}
