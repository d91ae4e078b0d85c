using AlignmentPolicy.Core.Policy;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AlignmentPolicy.Core.Tests.Policy;

public class DocumentationCommentIdSyntaxTests
{
    /// <summary>
    /// Every ID the compiler itself produces for the APIs the side-effect catalogue covers (generic,
    /// by-ref, array, nested, constructor and operator members included) must be accepted.
    /// </summary>
    [Fact]
    public void Accepts_every_id_Roslyn_generates_for_real_framework_apis()
    {
        var compilation = CSharpCompilation.Create("ids", references: Net100.References.All);
        var namespaces = new[] { "System.IO", "System.Net.Mail", "System.Net.Http", "System.Diagnostics", "System.Collections.Generic", "System.Data.Common", "System.Threading.Tasks" };
        var checkedIds = 0;
        foreach (var ns in namespaces)
        {
            var symbol = ns.Split('.').Aggregate(compilation.GlobalNamespace, (current, part) => current.GetNamespaceMembers().Single(n => n.Name == part));
            foreach (var type in symbol.GetTypeMembers().Where(t => t.DeclaredAccessibility == Accessibility.Public))
            {
                foreach (var member in type.GetMembers().Prepend(type).Where(m => m.DeclaredAccessibility == Accessibility.Public))
                {
                    var id = DocumentationCommentId.CreateDeclarationId(member);
                    if (id is null)
                    {
                        continue;
                    }

                    Assert.True(DocumentationCommentIdSyntax.Check(id) is null, $"rejected {id}: {DocumentationCommentIdSyntax.Check(id)}");
                    checkedIds++;
                }
            }
        }

        Assert.True(checkedIds > 2000, $"only {checkedIds} ids checked");
    }

    [Theory]
    [InlineData("Contoso.Client.Send", 0)]
    [InlineData("X:Contoso.Client", 0)]
    [InlineData("M:Contoso.Client.Send(System.String", 35)]
    [InlineData("M:Contoso..Send", 10)]
    [InlineData("M:Contoso.Client.Send(System.String)x", 36)]
    [InlineData("T:Contoso.Client(System.String)", 16)]
    [InlineData("M:Contoso.Client.Send`x", 22)]
    [InlineData("M:Contoso.1Client", 10)]
    public void Rejects_malformed_ids_at_the_right_index(string id, int index)
    {
        var problem = DocumentationCommentIdSyntax.Check(id);
        Assert.NotNull(problem);
        Assert.Equal(index, problem.Value.Index);
    }
}
