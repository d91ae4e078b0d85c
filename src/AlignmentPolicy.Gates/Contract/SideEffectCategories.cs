namespace AlignmentPolicy.Gates;

/// <summary>The built-in side-effect categories. Any other string is a valid custom category.</summary>
public static class SideEffectCategories
{
    /// <summary>Sending mail.</summary>
    public const string Mail = "mail";

    /// <summary>Posting a chat or instant message.</summary>
    public const string Chat = "chat";

    /// <summary>HTTP writes: POST, PUT, PATCH, DELETE.</summary>
    public const string HttpWrite = "http-write";

    /// <summary>Writing, moving or copying files.</summary>
    public const string FileWrite = "file-write";

    /// <summary>Deleting files.</summary>
    public const string FileDelete = "file-delete";

    /// <summary>Starting processes or running commands.</summary>
    public const string Process = "process";

    /// <summary>Database writes.</summary>
    public const string DatabaseWrite = "database-write";

    /// <summary>Vector-store upserts and deletes.</summary>
    public const string VectorStoreWrite = "vector-store-write";

    /// <summary>Payments and refunds.</summary>
    public const string Payments = "payments";

    /// <summary>The agent's own configuration, prompts, credentials, monitoring or successor.</summary>
    public const string Oversight = "oversight";

    /// <summary>Reading from non-public sources (mailboxes, internal documents). Not a side effect, but it
    /// marks content the exfiltration gate keeps inside.</summary>
    public const string ReadPrivate = "read-private";
}
