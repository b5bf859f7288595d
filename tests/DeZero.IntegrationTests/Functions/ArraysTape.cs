using System;

namespace DeZero.IntegrationTests.Functions;

// Shapes that reach reverse mode's tape economies: loops whose pushes are counted before they start (nests, bounds read
// from the outer index, empty ranges, branches inside), values set afresh each iteration (never pushed), and steps undone
// by their inverse (int steps, negations) rather than from the tape.
public static partial class Arrays
{
    /// <summary>½ Σᵢ (yᵢ - Σⱼ x[j]·tᵢʲ)² over n points, powers by repeated multiplication; terms below <paramref name="skip"/> left out.</summary>
    [Differentiable]
    public static double PowerResiduals(ReadOnlySpan<double> x, int n, int skip)
    {
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            double t = -1 + (2.0 * i / (n - 1));
            double residual = Math.Sin(3 * t);
            double power = 1;
            for (int j = 0; j < skip; j++)
            {
                power *= t;
            }

            for (int j = skip; j < x.Length; j++)
            {
                residual -= x[j] * power;
                power *= t;
            }

            sum += residual * residual;
        }

        return sum / 2;
    }

    /// <summary>Σ over rows of the product along the upper triangle from the diagonal, halving each negative factor.</summary>
    [Differentiable]
    public static double TriangleProducts(ReadOnlySpan<double> w, int n)
    {
        double total = 0;
        double run = 0;
        for (int i = 0; i < n; i++)
        {
            run = 1;
            for (int j = i; j < n; j++)
            {
                double v = w[(i * n) + j];
                if (v > 0)
                {
                    run *= v;
                }
                else
                {
                    run = run * v * 0.5;
                }
            }

            total += run;
        }

        return total;
    }

    /// <summary>Σᵢ w[k]² over k = 0, stride, 2·stride, …, with k stepped by an int parameter.</summary>
    [Differentiable]
    public static double Strided(ReadOnlySpan<double> w, int stride)
    {
        double s = 0;
        int k = 0;
        while (k < w.Length)
        {
            s += w[k] * w[k];
            k += stride;
        }

        return s;
    }

    /// <summary>Σ_{i≥1} (-1)ⁱ·w[0]·w[i]: a product whose sign flips each step (<c>p = -p</c>).</summary>
    [Differentiable]
    public static double Alternating(ReadOnlySpan<double> w)
    {
        double p = w[0];
        double s = 0;
        for (int i = 1; i < w.Length; i++)
        {
            p = -p;
            s += p * w[i];
        }

        return s;
    }
}
