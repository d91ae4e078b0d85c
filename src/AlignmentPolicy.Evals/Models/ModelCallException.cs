namespace AlignmentPolicy.Evals.Models;

/// <summary>A model call that failed after its retries: the sample counts as an error, never as a pass.</summary>
public sealed class ModelCallException(string message, Exception? inner = null) : Exception(message, inner);
