using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AlignmentPolicy.RealRepos;

/// <summary>
/// Where a site is, in terms that survive analyzer changes which move the reported span: the anchor (the
/// innermost statement around the reported token, else the member declaration), its first line, the
/// containing member, a hash of the anchor's text, and the reported token's text with its ordinal among
/// equal tokens of the anchor ("Create", "Create#2").
/// </summary>
internal sealed record SiteKey(int Line, string Member, string Anchor, string Site);

internal static partial class SiteLocator
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview);

    [GeneratedRegex(@"^#[:!].*$", RegexOptions.Multiline)]
    private static partial Regex AppDirective();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>Parses a file as the scanner does (file-based app directives blanked, same length).</summary>
    public static SyntaxTree Parse(string file)
    {
        var text = AppDirective().Replace(File.ReadAllText(file), m => new string(' ', m.Length));
        return CSharpSyntaxTree.ParseText(text, ParseOptions, path: file);
    }

    /// <summary>The key of the site whose reported token starts at a 1-based line and column.</summary>
    public static SiteKey Locate(SyntaxTree tree, int line, int column)
    {
        var text = tree.GetText();
        var lineIndex = Math.Clamp(line - 1, 0, text.Lines.Count - 1);
        var lineSpan = text.Lines[lineIndex];
        var position = Math.Min(lineSpan.Start + Math.Max(column - 1, 0), Math.Max(lineSpan.End - 1, lineSpan.Start));
        var token = tree.GetRoot().FindToken(position, findInsideTrivia: true);
        return Locate(token);
    }

    /// <summary>The key of a site whose reported token is <paramref name="token"/>.</summary>
    public static SiteKey Locate(SyntaxToken token)
    {
        var anchor = Anchor(token);
        var ordinal = anchor.DescendantTokens().TakeWhile(t => t != token).Count(t => t.ValueText == token.ValueText) + 1;
        var site = ordinal == 1 ? token.ValueText : $"{token.ValueText}#{ordinal}";
        return new SiteKey(AnchorLine(anchor), MemberName(token.Parent), Hash(anchor), site);
    }

    /// <summary>Short, whitespace-insensitive hash of a node's text.</summary>
    public static string Hash(SyntaxNode node)
    {
        var normalized = Whitespace().Replace(node.ToString(), "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)))[..8];
    }

    private static SyntaxNode Anchor(SyntaxToken token)
    {
        if (token.Parent is null)
        {
            return token.SyntaxTree!.GetRoot();
        }

        foreach (var node in token.Parent.AncestorsAndSelf(ascendOutOfTrivia: false))
        {
            switch (node)
            {
                case BlockSyntax:
                    continue;
                case StatementSyntax:
                case MemberDeclarationSyntax and not (BaseNamespaceDeclarationSyntax or GlobalStatementSyntax):
                case DirectiveTriviaSyntax:
                    return node;
            }
        }

        return token.Parent;
    }

    private static int AnchorLine(SyntaxNode anchor)
    {
        var token = anchor switch
        {
            MemberDeclarationSyntax member when IdentifierOf(member) is { } identifier => identifier,
            _ => anchor.GetFirstToken(includeDirectives: anchor is DirectiveTriviaSyntax),
        };
        return token.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
    }

    /// <summary><c>Type.Member</c> of the member that contains a node; <c>&lt;top-level&gt;</c> for top-level statements.</summary>
    public static string MemberName(SyntaxNode? node)
    {
        if (node is null)
        {
            return "<none>";
        }

        string? member = null;
        var types = new List<string>();
        foreach (var ancestor in node.AncestorsAndSelf())
        {
            switch (ancestor)
            {
                case BaseTypeDeclarationSyntax type:
                    types.Insert(0, type.Identifier.ValueText);
                    break;
                case DelegateDeclarationSyntax @delegate:
                    member ??= @delegate.Identifier.ValueText;
                    break;
                case GlobalStatementSyntax:
                    member ??= "<top-level>";
                    break;
                case MemberDeclarationSyntax declaration when member is null && declaration is not BaseNamespaceDeclarationSyntax:
                    member = IdentifierOf(declaration)?.ValueText ?? declaration.Kind().ToString();
                    break;
            }
        }

        if (member is null)
        {
            return types.Count > 0 ? string.Join('.', types) : "<top-level>";
        }

        return types.Count > 0 ? string.Join('.', types) + "." + member : member;
    }

    private static SyntaxToken? IdentifierOf(MemberDeclarationSyntax member) => member switch
    {
        MethodDeclarationSyntax m => m.Identifier,
        ConstructorDeclarationSyntax c => c.Identifier,
        DestructorDeclarationSyntax d => d.Identifier,
        PropertyDeclarationSyntax p => p.Identifier,
        EventDeclarationSyntax e => e.Identifier,
        BaseFieldDeclarationSyntax f when f.Declaration.Variables.Count > 0 => f.Declaration.Variables[0].Identifier,
        BaseTypeDeclarationSyntax t => t.Identifier,
        DelegateDeclarationSyntax d => d.Identifier,
        EnumMemberDeclarationSyntax e => e.Identifier,
        _ => null,
    };
}
