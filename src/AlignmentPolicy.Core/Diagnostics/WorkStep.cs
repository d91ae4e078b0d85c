using System;
using System.Threading;

namespace AlignmentPolicy.Core.Diagnostics;

/// <summary>
/// What AlignmentPolicy is doing right now ("reading the policy", "hashing a dataset file") and on which file,
/// so that an unexpected failure can say where it happened instead of printing a stack trace. Steps nest; the
/// innermost one is reported. The front ends read <see cref="Current"/> in an exception filter, which runs
/// before the steps between the throw and the handler are left.
/// </summary>
public static class WorkStep
{
    private static readonly AsyncLocal<Frame?> s_current = new();

    /// <summary>The innermost step in progress on this flow, or null.</summary>
    public static Frame? Current => s_current.Value;

    /// <summary>Enters a step; dispose the result to leave it.</summary>
    public static Scope Begin(string description, string? file = null)
    {
        var frame = new Frame(description, file, s_current.Value);
        s_current.Value = frame;
        return new Scope(frame);
    }

    /// <summary>A step: what is being done, and the file it is done to.</summary>
    public sealed class Frame
    {
        internal Frame(string description, string? file, Frame? parent)
        {
            Description = description;
            File = file;
            Parent = parent;
        }

        /// <summary>What is being done, as a phrase that follows "while" ("reading the policy").</summary>
        public string Description { get; }

        /// <summary>The file concerned, if any.</summary>
        public string? File { get; }

        internal Frame? Parent { get; }

        /// <summary>"reading the policy '/repo/alignment-policy.json'".</summary>
        public override string ToString() => File is null ? Description : $"{Description} '{DisplayText.Of(File, 400)}'";
    }

    /// <summary>Leaves the step when disposed.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly Frame _frame;

        internal Scope(Frame frame) => _frame = frame;

        /// <inheritdoc />
        public void Dispose()
        {
            if (_frame is not null && ReferenceEquals(s_current.Value, _frame))
            {
                s_current.Value = _frame.Parent;
            }
        }
    }
}
