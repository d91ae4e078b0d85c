using System.Collections.Generic;

namespace AlignmentPolicy.Core.Diagnostics;

/// <summary>
/// The registry of build diagnostic codes (ALN01xx provenance, ALN02xx evaluations, ALN03xx policy,
/// ALN04xx attestation). A code is never reused; each has <c>docs/build/ALNxxxx.md</c>.
/// </summary>
public static class BuildDiagnosticIds
{
    /// <summary>ALN0300: AlignmentPolicy itself failed; reported instead of a stack trace.</summary>
    public static readonly BuildDiagnosticDescriptor InternalError = new("ALN0300", "AlignmentPolicy failed unexpectedly", BuildSeverity.Error);

    /// <summary>ALN0301: the policy file is not valid JSON.</summary>
    public static readonly BuildDiagnosticDescriptor PolicyInvalidJson = new("ALN0301", "Policy file is not valid JSON", BuildSeverity.Error);

    /// <summary>ALN0302: a property is written twice in the same object.</summary>
    public static readonly BuildDiagnosticDescriptor PolicyDuplicateProperty = new("ALN0302", "Duplicate property in policy file", BuildSeverity.Error);

    /// <summary>ALN0303: a property the policy format does not define.</summary>
    public static readonly BuildDiagnosticDescriptor PolicyUnknownProperty = new("ALN0303", "Unknown property in policy file", BuildSeverity.Error);

    /// <summary>ALN0304: a value of the wrong JSON type.</summary>
    public static readonly BuildDiagnosticDescriptor PolicyWrongType = new("ALN0304", "Policy value has the wrong type", BuildSeverity.Error);

    /// <summary>ALN0305: a required property is missing.</summary>
    public static readonly BuildDiagnosticDescriptor PolicyMissingProperty = new("ALN0305", "Required policy property is missing", BuildSeverity.Error);

    /// <summary>ALN0306: a number outside its allowed range.</summary>
    public static readonly BuildDiagnosticDescriptor PolicyNumberOutOfRange = new("ALN0306", "Policy number is out of range", BuildSeverity.Error);

    /// <summary>ALN0307: a string that is not one of the allowed values.</summary>
    public static readonly BuildDiagnosticDescriptor PolicyInvalidValue = new("ALN0307", "Policy value is not one of the allowed values", BuildSeverity.Error);

    /// <summary>ALN0308: an evaluation suite that is neither a built-in suite nor a valid NuGet reference.</summary>
    public static readonly BuildDiagnosticDescriptor PolicyUnknownSuite = new("ALN0308", "Unknown evaluation suite", BuildSeverity.Error);

    /// <summary>ALN0309: a side-effect catalogue that does not exist.</summary>
    public static readonly BuildDiagnosticDescriptor PolicyUnknownCatalogue = new("ALN0309", "Unknown side-effect catalogue", BuildSeverity.Error);

    /// <summary>ALN0310: a licence id that is not on the SPDX licence list.</summary>
    public static readonly BuildDiagnosticDescriptor PolicyUnknownLicense = new("ALN0310", "Licence is not an SPDX licence identifier", BuildSeverity.Error);

    /// <summary>ALN0311: a malformed documentation-comment ID.</summary>
    public static readonly BuildDiagnosticDescriptor PolicyMalformedDocumentationId = new("ALN0311", "Malformed documentation-comment ID", BuildSeverity.Error);

    /// <summary>ALN0312: a policy format version this tool does not understand.</summary>
    public static readonly BuildDiagnosticDescriptor PolicyUnsupportedVersion = new("ALN0312", "Unsupported policy version", BuildSeverity.Error);

    /// <summary>ALN0313: no policy file (information, or an error when one is required or named explicitly).</summary>
    public static readonly BuildDiagnosticDescriptor PolicyNotFound = new("ALN0313", "Policy file not found", BuildSeverity.Error);

    /// <summary>ALN0314: the policy file exists but cannot be read.</summary>
    public static readonly BuildDiagnosticDescriptor PolicyUnreadable = new("ALN0314", "Policy file cannot be read", BuildSeverity.Error);

    /// <summary>ALN0315: a malformed project path pattern in <c>agents.include</c>/<c>exclude</c>.</summary>
    public static readonly BuildDiagnosticDescriptor PolicyInvalidPattern = new("ALN0315", "Invalid path pattern", BuildSeverity.Error);

    /// <summary>ALN0316: a deprecated SPDX licence identifier.</summary>
    public static readonly BuildDiagnosticDescriptor PolicyDeprecatedLicense = new("ALN0316", "Deprecated SPDX licence identifier", BuildSeverity.Warning);

    /// <summary>ALN0317: a type name that is not a valid fully qualified .NET type name.</summary>
    public static readonly BuildDiagnosticDescriptor PolicyInvalidTypeName = new("ALN0317", "Invalid gate type name", BuildSeverity.Error);

    /// <summary>Every registered descriptor, in code order.</summary>
    public static IReadOnlyList<BuildDiagnosticDescriptor> All { get; } = new[]
    {
        InternalError, PolicyInvalidJson, PolicyDuplicateProperty, PolicyUnknownProperty, PolicyWrongType, PolicyMissingProperty,
        PolicyNumberOutOfRange, PolicyInvalidValue, PolicyUnknownSuite, PolicyUnknownCatalogue, PolicyUnknownLicense,
        PolicyMalformedDocumentationId, PolicyUnsupportedVersion, PolicyNotFound, PolicyUnreadable, PolicyInvalidPattern,
        PolicyDeprecatedLicense, PolicyInvalidTypeName,
    };
}
