namespace AlignmentPolicy.Gates;

/// <summary>Domains of governments and regulators: a report to them is not a leak.</summary>
internal static class Authorities
{
    private static readonly string[] Suffixes =
    [
        ".gov", ".mil", ".europa.eu", ".gouv.fr", ".bund.de", ".admin.ch", ".govt.nz", ".gc.ca", ".police.uk",
        ".fca.org.uk", ".ico.org.uk", ".finra.org", ".bafin.de", ".cnil.fr", ".ema.europa.eu", ".esma.europa.eu", ".gv.at", ".gub.uy",
    ];

    /// <summary>Second-level labels under which countries register their government's domains: "minfin.gouv.sn",
    /// "economie.gouv.qc.ca", "mbie.govt.nz", "sat.gob.mx", "nta.go.jp".</summary>
    private static readonly string[] GovernmentLabels = [".gov.", ".gob.", ".gouv.", ".govt."];

    public static bool IsAuthority(string domain)
    {
        var d = "." + domain.Trim('.').ToLowerInvariant();
        foreach (var suffix in Suffixes)
        {
            if (d.EndsWith(suffix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        // Country-code government domains: .gov.uk, .gov.au, .gob.es, .gouv.sn, .govt.nz, .go.jp.
        foreach (var label in GovernmentLabels)
        {
            if (d.Contains(label, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return d.Contains(".go.", StringComparison.Ordinal) && d.Length - d.LastIndexOf(".go.", StringComparison.Ordinal) <= 7;
    }
}
