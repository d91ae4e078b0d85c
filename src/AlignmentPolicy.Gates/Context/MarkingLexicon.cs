using System.Text.RegularExpressions;

namespace AlignmentPolicy.Gates;

/// <summary>
/// A document's restriction label in words other than "confidential": whom it is for ("Board only", "Bargaining
/// committee only -", "Strictly for desk use", "not for members' circulation") or export control. Read only where a
/// label stands (a subject, a document's first line, written as a label), so "the car park is staff only" marks nothing.
/// And the sign of a look-alike sender: mail that asks for material to go to "this address" because the usual channel
/// is down.
/// </summary>
internal static partial class ContextLexicon
{
    /// <summary>A restriction label opening a line: a few words naming who may read it, then "only" and a separator or the
    /// line's end; "not for ... circulation"; "strictly for"; export control.</summary>
    [GeneratedRegex(@"^[\W_]*(((the )?[\w'\u2019-]+( [\w'\u2019-]+){0,2} (use |eyes |reading )?only\s*([-:|.,(\u2013\u2014]|$))|(for )?[\w'\u2019 -]{0,30}\bnot for [\w'\u2019 ]{0,30}\b(circulation|distribution)\b|strictly for\b|export[- ]controlled\b|itar\b|ear[- ]controlled\b|controlled unclassified\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    public static partial Regex RestrictionLabel();

    /// <summary>Asking for material to be sent to the address the mail came from because the usual one is unavailable
    /// ("our server is down, send it to this address", "send it here", "use this backup address").</summary>
    [GeneratedRegex(@"\b((send|forward|email|mail|reply|share)\b[^.!?\n]{0,60}\b(to this (address|account|mailbox|email)|here\b|to me here)|(is|are|'s|keeps?) (down|offline|not working|broken)|backup (domain|address|mailbox|account|email)|(use|using) this (address|account|domain) (instead|for now|today|until))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex ChannelSwitch();

    /// <summary>Asking for one's own material back: "our Q3 invoices", "our own loss schedule", "the tier we're on", "my
    /// file", in English and the other languages of an organisation's mail.</summary>
    [GeneratedRegex(@"\b(our own|my own|(copies|copy|version) of (our|my)|(our|my) ([\w/.-]+ ){0,2}(invoices?|contract terms|statements?|files?|records?|documents?|data|schedule|contract|account|order|file|account)|we('re| are) on|we sent you|that we sent|nuestr[oa]s? (propi[oa]s? )?(facturas?|datos|contrato|expediente|documentos?)|noss[oa]s? (pr[oó]pri[oa]s? )?(faturas?|dados|contrato|documentos?|processo)|nos (factures|documents|donn[eé]es)|unsere (eigenen )?(Rechnungen|Daten|Unterlagen|Akte))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex OwnMaterial();
}
