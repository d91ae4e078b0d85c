// Shared as source (not as an assembly) by AlignmentPolicy.Gates, AlignmentPolicy.Core and the analyzers, which
// take no dependencies: the one list of side-effect category names that [SideEffect(...)], the runtime gates, the
// policy's sideEffects.severity and ALN0002 all use. Keep it C# 7.3-compatible (netstandard2.0 analyzers).
using System;
using System.Collections.Generic;

namespace AlignmentPolicy.Vocabulary
{
    /// <summary>The built-in side-effect categories. Any other name is a custom category (<c>sideEffects.custom</c>).</summary>
    internal static class SideEffectVocabulary
    {
        public const string Mail = "mail";
        public const string Chat = "chat";
        public const string Http = "http";
        public const string Process = "process";
        public const string FileSystem = "filesystem";
        public const string Database = "database";
        public const string VectorStore = "vector-store";
        public const string Memory = "memory";
        public const string Payments = "payments";
        public const string Grpc = "grpc";
        public const string Oversight = "oversight";

        /// <summary>Reading from non-public sources: changes nothing, but marks content the exfiltration gate keeps inside.</summary>
        public const string ReadPrivate = "read-private";

        /// <summary>Every built-in category, in the order the docs list them.</summary>
        public static readonly IReadOnlyList<string> Categories = new[]
        {
            Mail, Chat, Http, Process, FileSystem, Database, VectorStore, Memory, Payments, Grpc, Oversight, ReadPrivate,
        };

        // Names the runtime used before there was one list; code compiled against them still carries them.
        private static readonly Dictionary<string, string> s_former = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["http-write"] = Http,
            ["file-write"] = FileSystem,
            ["file-delete"] = FileSystem,
            ["database-write"] = Database,
            ["vector-store-write"] = VectorStore,
        };

        /// <summary>The category under its current name: a former name maps to its category, any other name is returned as is.</summary>
        public static string Canonical(string category)
            => s_former.TryGetValue(category, out var current) ? current! : category;

        /// <summary>Whether a declared category changes the world (<see cref="ReadPrivate"/> does not).</summary>
        public static bool IsSideEffect(string category) => !string.Equals(Canonical(category), ReadPrivate, StringComparison.OrdinalIgnoreCase);

        /// <summary>What a tool with this side effect can do, for messages ("can ... without a gate").</summary>
        public static string Describe(string category)
        {
            switch (Canonical(category))
            {
                case Mail: return "send mail";
                case Chat: return "post chat messages";
                case Http: return "write over HTTP";
                case Process: return "start processes";
                case FileSystem: return "write or delete files";
                case Database: return "write to a database";
                case VectorStore: return "change a vector store";
                case Memory: return "change the agent's memory";
                case Payments: return "move money";
                case Grpc: return "call a gRPC service";
                case Oversight: return "change its own oversight";
                case ReadPrivate: return "read private data";
                default: return "perform '" + category + "' side effects";
            }
        }
    }
}
