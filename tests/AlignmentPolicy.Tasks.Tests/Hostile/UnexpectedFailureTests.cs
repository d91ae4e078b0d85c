using AlignmentPolicy.Core.Diagnostics;

namespace AlignmentPolicy.Tasks.Tests.Hostile;

/// <summary>
/// Every task turns an exception it did not expect into ALN0300 at the project that names the task, the step and the
/// file (through the shared base class), never "Please report this" with a stack trace.
/// </summary>
public sealed class UnexpectedFailureTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ap-task-hostile-").FullName;
    private readonly RecordingBuildEngine _engine = new();

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Project => Path.Combine(_root, "Agent.csproj");

    [Fact]
    public void An_exception_inside_a_step_is_ALN0300_naming_the_task_the_step_and_the_file()
    {
        var task = new StepThatThrows { BuildEngine = _engine, ProjectFullPath = Project };

        Assert.False(task.Execute());

        var error = Assert.Single(_engine.Errors);
        Assert.Equal(("ALN0300", Project, 1, 1), (error.Code, error.File, error.LineNumber, error.ColumnNumber));
        Assert.StartsWith("StepThatThrows stopped while reading the suite '/repo/suites/refunds.json': InvalidDataException: the suite has no cells", error.Message);
        Assert.DoesNotContain("Please report", error.Message);
        Assert.DoesNotContain("   at ", error.Message);
    }

    [Fact]
    public void ResolveAlignmentPolicy_that_cannot_write_its_config_names_the_config_file()
    {
        File.WriteAllText(Path.Combine(_root, "alignment-policy.json"), """{ "version": 1 }""");
        File.WriteAllText(Path.Combine(_root, "obj"), "a file where the intermediate folder should be");
        var config = Path.Combine(_root, "obj", "Debug", "alignment-policy.globalconfig");
        var task = new ResolveAlignmentPolicy { BuildEngine = _engine, ProjectFullPath = Project, ProjectDirectory = _root, ReferencesModelSdk = true, GlobalConfigFile = config };

        Assert.False(task.Execute());

        var error = Assert.Single(_engine.Errors);
        Assert.Equal(("ALN0300", Project), (error.Code, error.File));
        Assert.StartsWith($"ResolveAlignmentPolicy stopped while writing '{config}': ", error.Message!);
        Assert.DoesNotContain("   at ", error.Message);
    }

    [Fact]
    public void Packing_an_agent_whose_assembly_was_never_built_is_ALN0206_naming_the_project_and_the_fix()
    {
        File.WriteAllText(Path.Combine(_root, "alignment-policy.json"), """{ "version": 1, "evals": { "required": [ { "suite": "builtin:coercion", "maxRate": 0.05 } ] } }""");
        var assembly = Path.Combine(_root, "bin", "Release", "net10.0", "Agent.dll");
        var task = new CheckEvaluationResults
        {
            BuildEngine = _engine,
            ProjectFullPath = Project,
            PolicyFile = Path.Combine(_root, "alignment-policy.json"),
            AssemblyFile = assembly,
            ResultsDirectory = Path.Combine(_root, "obj", "alignment", "evals"),
        };

        Assert.False(task.Execute());

        var error = Assert.Single(_engine.Errors);
        Assert.Equal(("ALN0206", Project, 1, 1), (error.Code, error.File, error.LineNumber, error.ColumnNumber));
        Assert.Contains($"The project 'Agent' has no built assembly at '{assembly}'", error.Message);
        Assert.Contains("<IsPackable>false</IsPackable>", error.Message);
    }

    private sealed class StepThatThrows : AlignmentPolicyTask
    {
        protected override void ExecuteCore()
        {
            using (WorkStep.Begin("reading the suite", "/repo/suites/refunds.json"))
            {
                throw new InvalidDataException("the suite has no cells");
            }
        }
    }
}
