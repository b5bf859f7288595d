using System;

namespace DeZero.GradBench.Evals;

/// <summary>
/// GradBench's <c>det</c> eval: the determinant by expansion along the first row of each minor, recursively, as
/// <c>cpp/gradbench/evals/det.hpp</c> (after cmpad's <c>det_by_minor</c>).
/// </summary>
internal static partial class Det
{
    /// <summary>The determinant of the <paramref name="ell"/> × <paramref name="ell"/> row-major matrix <paramref name="a"/> (<c>ell ≥ 1</c>).</summary>
    [Differentiable]
    internal static double Determinant(ReadOnlySpan<double> a, int ell)
    {
        // r[i] and c[i] are the row and column after i in the current minor; index ell holds the first of each.
        int[] r = new int[ell + 1];
        int[] c = new int[ell + 1];
        for (int i = 0; i < ell; i++)
        {
            r[i] = i + 1;
            c[i] = i + 1;
        }

        return DetOfMinor(a, ell, ell, r, c);
    }

    /// <summary>
    /// The determinant of the <paramref name="m"/> × <paramref name="m"/> minor of <paramref name="a"/> (edge
    /// <paramref name="n"/>) whose rows and columns the linked lists <paramref name="r"/> and <paramref name="c"/> hold.
    /// It unlinks a row and a column for each sub-minor and links them back before it returns, so both lists are as
    /// they were: the <c>int[]</c> parameters the arrays contract lets a method write.
    /// </summary>
    [Differentiable]
    internal static double DetOfMinor(ReadOnlySpan<double> a, int n, int m, int[] r, int[] c)
    {
        int r0 = r[n];
        int cj = c[n];
        if (m == 1)
        {
            return a[r0 * n + cj];
        }

        double detM = 0;
        int sign = 1;

        // Row r0 leaves every sub-minor of this minor.
        r[n] = r[r0];

        // The entry of c that links to column cj: removing cj from the list means relinking it.
        int cj1 = n;
        for (int j = 0; j < m; j++)
        {
            double m0j = a[r0 * n + cj];

            c[cj1] = c[cj];
            double detS = DetOfMinor(a, n, m - 1, r, c);
            c[cj1] = cj;

            if (sign > 0)
            {
                detM = detM + m0j * detS;
            }
            else
            {
                detM = detM - m0j * detS;
            }

            cj1 = cj;
            cj = c[cj];
            sign = -sign;
        }

        r[n] = r0;
        return detM;
    }
}
