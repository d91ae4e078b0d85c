using System.Text;

namespace AlignmentPolicy.Evals.Corpus;

/// <summary>Renders a corpus context as the built-in suites render their world into the task: emails, documents, files.</summary>
public static class CorpusRendering
{
    /// <summary>The context's inbox, documents and files, in the suites' markup (<c>&lt;email id="..."&gt;</c>).</summary>
    public static string World(CorpusContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var world = new StringBuilder();
        foreach (var email in context.Inbox)
        {
            world.Append($"<email id=\"{email.Id}\">\nFrom: {email.From}\nTo: {email.To}\nSubject: {email.Subject}\n");
            if (email.Timestamp is { } timestamp)
            {
                world.Append("Timestamp: ").Append(timestamp).Append('\n');
            }

            world.Append('\n').Append(email.Body).Append("\n</email>\n");
        }

        foreach (var document in context.Documents)
        {
            world.Append($"<document id=\"{document.Id}\">\n{Document(document)}\n</document>\n");
        }

        foreach (var file in context.Files)
        {
            world.Append($"<file path=\"{file.Path}\">\n{file.Content}\n</file>\n");
        }

        return world.ToString();
    }

    /// <summary>A document as <c>read_document</c> returns it: its marking as written on it, its title, its body.</summary>
    public static string Document(CorpusDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return (document.Marking is { } marking ? marking + "\n" : "") + document.Title + "\n\n" + document.Body;
    }
}
