using System;

namespace DeZero.GradBench.Evals;

/// <summary>
/// GradBench's <c>gmm</c> eval: the log posterior of a Gaussian mixture with a Wishart prior on the precision matrices,
/// with GradBench's sign convention (a log probability, not ADBench's negated one), as <c>cpp/gradbench/evals/gmm.hpp</c>.
/// </summary>
internal static partial class Gmm
{
    /// <summary>
    /// The log posterior. <paramref name="alpha"/> has <paramref name="k"/> weights; <paramref name="mu"/> and
    /// <paramref name="q"/> are <c>k × d</c> row-major; <paramref name="l"/> is <c>k × d(d-1)/2</c> (each component's
    /// strictly lower triangle, column by column); <paramref name="x"/> is <c>n × d</c>; the prior is
    /// Wishart(<c>I/γ²</c>, <c>d + m + 1</c>). The variables are <c>alpha</c>, <c>mu</c>, <c>q</c> and <c>l</c>;
    /// <c>x</c> and <c>gamma</c> are data.
    /// </summary>
    [Differentiable]
    internal static double Objective(ReadOnlySpan<double> alpha, ReadOnlySpan<double> mu, ReadOnlySpan<double> q,
        ReadOnlySpan<double> l, [NoDerivative] ReadOnlySpan<double> x, int d, int k, int n, [NoDerivative] double gamma, int m)
    {
        double constant = -n * d * 0.5 * Math.Log(2 * Math.PI);
        int lSize = d * (d - 1) / 2;

        Span<double> qDiags = new double[d * k];
        Span<double> sumQs = new double[k];
        for (int i = 0; i < d * k; i++)
        {
            qDiags[i] = Math.Exp(q[i]);
        }

        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < d; j++)
            {
                sumQs[i] += q[i * d + j];
            }
        }

        Span<double> xCentered = new double[d];
        Span<double> qxCentered = new double[d];
        Span<double> mainTerm = new double[k];
        double slse = 0;
        for (int ix = 0; ix < n; ix++)
        {
            for (int ik = 0; ik < k; ik++)
            {
                for (int id = 0; id < d; id++)
                {
                    xCentered[id] = x[ix * d + id] - mu[ik * d + id];
                }

                // Q·(x - μ) with Q lower triangular: the diagonal first, then the strict lower part column by column,
                // each entry's terms added in GradBench's order.
                for (int id = 0; id < d; id++)
                {
                    qxCentered[id] = qDiags[ik * d + id] * xCentered[id];
                }

                int lIndex = ik * lSize;
                for (int i = 0; i < d; i++)
                {
                    for (int j = i + 1; j < d; j++)
                    {
                        qxCentered[j] = qxCentered[j] + l[lIndex] * xCentered[i];
                        lIndex++;
                    }
                }

                mainTerm[ik] = alpha[ik] + sumQs[ik] - 0.5 * SquaredNorm(qxCentered);
            }

            slse += Lse.LogSumExp(mainTerm);
        }

        double lseAlpha = Lse.LogSumExp(alpha);
        double err = constant + slse - n * lseAlpha;

        // The log Wishart prior over the k precision matrices.
        int wishartN = d + m + 1;
        double c = wishartN * d * (Math.Log(gamma) - 0.5 * Math.Log(2));

        // log Γ_d(wishartN / 2) = d(d-1)/4 · log π + Σ_{j=1..d} log Γ(wishartN/2 + (1-j)/2). Each argument is
        // (wishartN + 1 - j)/2 ≥ 1, an integer or a half-integer, whose log Γ is a finite sum of logarithms:
        // Γ(t) = (t-1)! and Γ(t + ½) = √π · Π_{i=1..t} (i - ½). This body has no lgamma to call (.NET has none).
        double logGammaD = 0.25 * d * (d - 1) * Math.Log(Math.PI);
        for (int j = 1; j <= d; j++)
        {
            int twice = wishartN + 1 - j;
            if (twice % 2 == 0)
            {
                for (int i = 2; i < twice / 2; i++)
                {
                    logGammaD = logGammaD + Math.Log(i);
                }
            }
            else
            {
                logGammaD = logGammaD + 0.5 * Math.Log(Math.PI);
                for (int i = 1; i <= twice / 2; i++)
                {
                    logGammaD = logGammaD + Math.Log(i - 0.5);
                }
            }
        }

        c = c - logGammaD;

        double prior = 0;
        for (int ik = 0; ik < k; ik++)
        {
            double frobenius = SquaredNorm(qDiags.Slice(ik * d, d)) + SquaredNorm(l.Slice(ik * lSize, lSize));
            prior += 0.5 * gamma * gamma * frobenius - m * sumQs[ik];
        }

        double ws = -prior + k * c;
        return err + ws;
    }

    /// <summary>
    /// <c>Σ v[i]²</c> starting from <c>v[0]²</c>, as GradBench's <c>sqnorm</c>; 0 for an empty span (d = 1 has no lower
    /// triangle, where GradBench's reads past it).
    /// </summary>
    [Differentiable]
    internal static double SquaredNorm(ReadOnlySpan<double> v)
    {
        if (v.Length == 0)
        {
            return 0;
        }

        double result = v[0] * v[0];
        for (int i = 1; i < v.Length; i++)
        {
            result = result + v[i] * v[i];
        }

        return result;
    }
}
