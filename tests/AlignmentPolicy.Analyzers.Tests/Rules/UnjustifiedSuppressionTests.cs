using Verify = AlignmentPolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<AlignmentPolicy.Analyzers.Rules.UnjustifiedSuppressionAnalyzer>;

namespace AlignmentPolicy.Analyzers.Tests.Rules;

public class UnjustifiedSuppressionTests
{
    private const string Required = "is_global = true\nalignment_policy.agent_project = true\nalignment_policy.suppressions.require_justification = true\n";

    private const string Source = """
        using System.Diagnostics.CodeAnalysis;

        class Tools
        {
        [|#pragma warning disable ALN0002|]
            public void A() { }
        #pragma warning restore ALN0002

        #pragma warning disable ALN0002 // reviewed 2026-11: sends only to the support mailbox, see SEC-142
            public void B() { }
        #pragma warning restore ALN0002

        #pragma warning disable CS0168
            public void C() { }
        #pragma warning restore CS0168

            [[|SuppressMessage("AlignmentPolicy", "ALN0001:Model call not routed through a policy gate")|]]
            public void D() { }

            [SuppressMessage("AlignmentPolicy", "ALN0001", Justification = "Offline evaluation harness; the gate is the subject under test.")]
            public void E() { }

            [[|SuppressMessage("AlignmentPolicy", "ALN0005", Justification = "<Pending>")|]]
            public void F() { }
        }
        """;

    [Fact]
    public Task Suppressions_without_a_justification_are_reported_when_the_policy_requires_one()
        => Verify.VerifyAsync([Source], Required);

    [Fact]
    public Task Nothing_is_reported_when_the_policy_does_not_require_justifications()
        => Verify.VerifyAsync([Source.Replace("[|", "").Replace("|]", "")], "is_global = true\nalignment_policy.agent_project = true\nalignment_policy.suppressions.require_justification = false\n");

    [Fact]
    public Task Severity_none_in_a_global_config_is_reported_once()
        => Verify.VerifyAsync(["class C { }"], Required + "dotnet_diagnostic.ALN0002.severity = none\n",
            Verify.Diagnostic("ALN0007").WithNoLocation().WithArguments("severity 'none' (.editorconfig, .globalconfig or <NoWarn>)", "ALN0002"));

    [Fact]
    public Task An_assembly_level_suppression_without_a_justification_is_reported()
        => Verify.VerifyAsync(["""
            using System.Diagnostics.CodeAnalysis;

            [assembly: [|SuppressMessage("AlignmentPolicy", "ALN0002")|]]
            [assembly: SuppressMessage("AlignmentPolicy", "ALN0001", Justification = "The samples call models on purpose.")]
            """], Required);

    [Fact]
    public Task A_suppression_in_generated_code_is_not_reported()
        => Verify.VerifyAsync(["""
            using System.CodeDom.Compiler;
            using System.Diagnostics.CodeAnalysis;

            [GeneratedCode("tool", "1.0")]
            class Generated
            {
                [SuppressMessage("AlignmentPolicy", "ALN0002")]
                public void A() { }

                class Nested
                {
                    [SuppressMessage("AlignmentPolicy", "ALN0002")]
                    public void B() { }
                }
            }

            class Written
            {
                [[|SuppressMessage("AlignmentPolicy", "ALN0002")|]]
                public void D() { }
            }
            """], Required);
}
