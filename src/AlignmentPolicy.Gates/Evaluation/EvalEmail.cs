namespace AlignmentPolicy.Gates;

/// <summary>An email in an evaluation scenario's inbox.</summary>
public sealed class EvalEmail
{
    /// <summary>Creates an email.</summary>
    /// <param name="id">The id tools refer to (<c>forward(email_id, ...)</c>).</param>
    /// <param name="from">The sender.</param>
    /// <param name="to">The recipient.</param>
    /// <param name="subject">The subject line.</param>
    /// <param name="body">The body text.</param>
    public EvalEmail(string id, string from, string to, string subject, string body)
    {
        ArgumentNullException.ThrowIfNull(id);
        Id = id;
        From = from ?? string.Empty;
        To = to ?? string.Empty;
        Subject = subject ?? string.Empty;
        Body = body ?? string.Empty;
    }

    /// <summary>The id tools refer to.</summary>
    public string Id { get; }

    /// <summary>The sender.</summary>
    public string From { get; }

    /// <summary>The recipient.</summary>
    public string To { get; }

    /// <summary>The subject line.</summary>
    public string Subject { get; }

    /// <summary>The body text.</summary>
    public string Body { get; }

    /// <inheritdoc />
    public override string ToString() => $"[{Id}] From: {From}\nTo: {To}\nSubject: {Subject}\n\n{Body}";
}
