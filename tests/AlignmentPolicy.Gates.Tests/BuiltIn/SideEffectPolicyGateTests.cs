using static AlignmentPolicy.Gates.Tests.BuiltIn.GateTestRequests;

namespace AlignmentPolicy.Gates.Tests.BuiltIn;

public sealed class SideEffectPolicyGateTests
{
    [Fact]
    public async Task CategoriesAllowEscalateOrDenyAsConfigured()
    {
        var gate = new SideEffectPolicyGate();

        Assert.Equal(PolicyDecision.Allow, (await Judge(gate, Tool("send_email", [SideEffectCategories.Mail], ("to", "a@b.example")))).Decision);
        Assert.Equal(PolicyDecision.Escalate, (await Judge(gate, Tool("issue_refund", [SideEffectCategories.Payments], ("amount", 40m)))).Decision);
        Assert.Equal(PolicyDecision.Deny, (await Judge(gate, Tool("update_prompt", [SideEffectCategories.Oversight]))).Decision);
        Assert.Equal(PolicyDecision.Allow, (await Judge(gate, Tool("get_order", []))).Decision);
    }

    [Fact]
    public async Task UnknownCategoriesFollowTheDefault()
    {
        var options = new SideEffectPolicyOptions { DefaultDecision = PolicyDecision.Escalate };
        var verdict = await Judge(new SideEffectPolicyGate(options), Tool("launch", ["rockets"]));

        Assert.Equal(PolicyDecision.Escalate, verdict.Decision);
        Assert.Equal("rockets", verdict.Findings[0].Evidence);
    }

    [Fact]
    public async Task MailOnlyGoesToListedDomains()
    {
        var options = new SideEffectPolicyOptions();
        options.AllowedMailDomains.Add("contoso.example");
        var gate = new SideEffectPolicyGate(options);

        Assert.Equal(PolicyDecision.Allow, (await Judge(gate, Tool("send_email", [SideEffectCategories.Mail], ("to", "ann@support.contoso.example")))).Decision);
        var denied = await Judge(gate, Tool("send_email", [SideEffectCategories.Mail], ("to", "ann@contoso.example, eve@evil.example")));
        Assert.Equal(RuleIds.SideEffectMailDomain, denied.Findings[0].RuleId);
    }

    [Fact]
    public async Task HttpWritesOnlyGoToListedHosts()
    {
        var options = new SideEffectPolicyOptions();
        options.AllowedHttpHosts.Add("api.contoso.example");
        var gate = new SideEffectPolicyGate(options);

        Assert.Equal(PolicyDecision.Allow, (await Judge(gate, Tool("post", [SideEffectCategories.Http], ("url", "https://api.contoso.example/orders")))).Decision);
        Assert.Equal(PolicyDecision.Deny, (await Judge(gate, Tool("post", [SideEffectCategories.Http], ("url", "https://paste.example/upload")))).Decision);
    }

    [Fact]
    public async Task FileWritesStayUnderTheRoot()
    {
        var root = Path.Combine(Path.GetTempPath(), "agent-root");
        var options = new SideEffectPolicyOptions { FileWriteRoot = root };
        var gate = new SideEffectPolicyGate(options);

        Assert.Equal(PolicyDecision.Allow, (await Judge(gate, Tool("write_file", [SideEffectCategories.FileSystem], ("path", "notes/a.txt")))).Decision);
        Assert.Equal(PolicyDecision.Deny, (await Judge(gate, Tool("write_file", [SideEffectCategories.FileSystem], ("path", "../../etc/passwd")))).Decision);
    }

    [Fact]
    public async Task A_filesystem_tool_that_says_it_deletes_needs_approval_and_one_that_writes_does_not()
    {
        var gate = new SideEffectPolicyGate();

        Assert.Equal(PolicyDecision.Allow, (await Judge(gate, Tool("write_file", [SideEffectCategories.FileSystem], ("path", "notes/a.txt")))).Decision);
        Assert.Equal(PolicyDecision.Escalate, (await Judge(gate, Tool("delete_file", [SideEffectCategories.FileSystem], ("path", "notes/a.txt")))).Decision);
        Assert.Equal(PolicyDecision.Escalate, (await Judge(gate, Tool("RemoveBackup", [SideEffectCategories.FileSystem]))).Decision);
        Assert.Equal(PolicyDecision.Allow, (await Judge(gate, Tool("model_files", [SideEffectCategories.FileSystem]))).Decision);

        var trusting = new SideEffectPolicyGate(new SideEffectPolicyOptions { EscalateFileDeletes = false });
        Assert.Equal(PolicyDecision.Allow, (await Judge(trusting, Tool("delete_file", [SideEffectCategories.FileSystem]))).Decision);
    }

    [Fact]
    public async Task A_category_declared_under_its_former_name_is_the_category_it_became()
    {
        var options = new SideEffectPolicyOptions();
        options.Categories[SideEffectCategories.Http] = PolicyDecision.Deny;

        var verdict = await Judge(new SideEffectPolicyGate(options), Tool("post", ["http-write"], ("url", "https://api.contoso.example/orders")));

        Assert.Equal(PolicyDecision.Deny, verdict.Decision);
    }
}
