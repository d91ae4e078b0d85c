using System.ComponentModel;
using AlignmentPolicy.Vocabulary;

namespace AlignmentPolicy.Gates;

/// <summary>
/// The built-in side-effect categories: the same names the policy's <c>sideEffects.severity</c> and the analyzers
/// (ALN0002) use, so a <c>[SideEffect(SideEffectCategories.FileSystem)]</c> reaches both as the category they know.
/// Any other string is a valid custom category (<c>sideEffects.custom</c>).
/// </summary>
public static class SideEffectCategories
{
    /// <summary>Sending mail.</summary>
    public const string Mail = SideEffectVocabulary.Mail;

    /// <summary>Posting a chat or instant message.</summary>
    public const string Chat = SideEffectVocabulary.Chat;

    /// <summary>HTTP writes: POST, PUT, PATCH, DELETE.</summary>
    public const string Http = SideEffectVocabulary.Http;

    /// <summary>Starting processes or running commands.</summary>
    public const string Process = SideEffectVocabulary.Process;

    /// <summary>Writing, moving, copying or deleting files (a tool whose name says it deletes is escalated by default).</summary>
    public const string FileSystem = SideEffectVocabulary.FileSystem;

    /// <summary>Database writes.</summary>
    public const string Database = SideEffectVocabulary.Database;

    /// <summary>Vector-store upserts and deletes.</summary>
    public const string VectorStore = SideEffectVocabulary.VectorStore;

    /// <summary>Changes to the agent's long-term memory.</summary>
    public const string Memory = SideEffectVocabulary.Memory;

    /// <summary>Payments and refunds.</summary>
    public const string Payments = SideEffectVocabulary.Payments;

    /// <summary>Calls to gRPC services.</summary>
    public const string Grpc = SideEffectVocabulary.Grpc;

    /// <summary>The agent's own configuration, prompts, credentials, monitoring or successor.</summary>
    public const string Oversight = SideEffectVocabulary.Oversight;

    /// <summary>Reading from non-public sources (mailboxes, internal documents). Not a side effect, but it
    /// marks content the exfiltration gate keeps inside.</summary>
    public const string ReadPrivate = SideEffectVocabulary.ReadPrivate;

    /// <summary>Former name of <see cref="Http"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Use SideEffectCategories.Http: the policy and the analyzers know the category as \"http\".")]
    public const string HttpWrite = Http;

    /// <summary>Former name of <see cref="FileSystem"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Use SideEffectCategories.FileSystem: the policy and the analyzers know the category as \"filesystem\".")]
    public const string FileWrite = FileSystem;

    /// <summary>Former name of <see cref="FileSystem"/> for deletes.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Use SideEffectCategories.FileSystem: the policy and the analyzers know the category as \"filesystem\".")]
    public const string FileDelete = FileSystem;

    /// <summary>Former name of <see cref="Database"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Use SideEffectCategories.Database: the policy and the analyzers know the category as \"database\".")]
    public const string DatabaseWrite = Database;

    /// <summary>Former name of <see cref="VectorStore"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Use SideEffectCategories.VectorStore: the policy and the analyzers know the category as \"vector-store\".")]
    public const string VectorStoreWrite = VectorStore;
}
