using System.Collections.Generic;
using System.Linq;

namespace AlignmentPolicy.Core.Statistics;

/// <summary>Holm's step-down correction across the primary cells of a suite.</summary>
public static class Holm
{
    /// <summary>
    /// For each p-value, the significance level Holm's procedure compares it with (alpha/(m-rank)), and whether its
    /// null hypothesis is rejected. Step-down: once one ordered p-value is not rejected, none after it is.
    /// </summary>
    public static (double Level, bool Rejected)[] Apply(IReadOnlyList<double> pValues, double alpha)
    {
        var m = pValues.Count;
        var order = Enumerable.Range(0, m).OrderBy(i => pValues[i]).ThenBy(i => i).ToArray();
        var result = new (double Level, bool Rejected)[m];
        var stillRejecting = true;
        for (var rank = 0; rank < m; rank++)
        {
            var index = order[rank];
            var level = alpha / (m - rank);
            stillRejecting &= pValues[index] <= level;
            result[index] = (level, stillRejecting);
        }

        return result;
    }
}
