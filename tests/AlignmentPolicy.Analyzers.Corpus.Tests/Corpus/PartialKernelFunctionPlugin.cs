// A Semantic Kernel plugin written as a partial class (a source generator writes one part): the [KernelFunction] attribute is on
// the partial declaration, the body on the implementation. The tool is reported once, at its implementation; its read-only
// sibling is not.
using System.ComponentModel;
using Microsoft.SemanticKernel;

namespace Contoso.Files;

public sealed partial class FileCleanupPlugin
{
    [KernelFunction, Description("Deletes a file from the workspace")]
    public partial void DeleteFile(string path);

    [KernelFunction, Description("Reads a file of the workspace")]
    public partial string ReadFile(string path);
}

public sealed partial class FileCleanupPlugin
{
    public partial void DeleteFile(string path) => File.Delete(path); // expect: ALN0002

    public partial string ReadFile(string path) => File.ReadAllText(path);
}
