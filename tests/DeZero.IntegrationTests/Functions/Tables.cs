using System;

namespace DeZero.IntegrationTests.Functions;

/// <summary>Static readonly arrays read as tables of constants: the coefficients of polynomials and rational approximations.</summary>
public static partial class Tables
{
    /// <summary>p(x) = 1 + 0.5x - 0.25x² + 0.125x³, lowest degree first.</summary>
    private static readonly double[] Coefficients = { 1.0, 0.5, -0.25, 0.125 };

    /// <summary>q(x) = 1 + 2x² (no x term), for a rational function p/q.</summary>
    private static readonly double[] Denominator = [1.0, 0.0, 2.0];

    private static readonly int[] Powers = { 0, 2, 3 };

    /// <summary>p(x) by Horner's rule, over the table's Length.</summary>
    [Differentiable]
    public static double Horner(double x)
    {
        double s = 0;
        for (int i = Coefficients.Length - 1; i >= 0; i--)
        {
            s = s * x + Coefficients[i];
        }

        return s;
    }

    /// <summary>p(x) / q(x), each by Horner's rule in a static local function, scaled by a.</summary>
    [Differentiable]
    public static double Rational(double x, double a)
    {
        return a * Polynomial(x, 0) / Polynomial(x, 1);

        static double Polynomial(double x, int which)
        {
            double s = 0;
            if (which == 0)
            {
                for (int i = Coefficients.Length - 1; i >= 0; i--) s = s * x + Coefficients[i];
            }
            else
            {
                for (int i = Denominator.Length - 1; i >= 0; i--) s = s * x + Denominator[i];
            }

            return s;
        }
    }

    /// <summary>Σ c_k x^(n_k) over an int table of powers and a foreach over the coefficients: x^0 + 0.5x² - 0.25x³.</summary>
    [Differentiable]
    public static double Sparse(double x)
    {
        double s = 0;
        int k = 0;
        foreach (double c in Coefficients)
        {
            if (k < Powers.Length)
            {
                s += c * Math.Pow(x, Powers[k]);
            }

            k++;
        }

        return s;
    }

    /// <summary>A straight-line body reading fixed elements: 1 + 0.5x - 0.25x².</summary>
    [Differentiable]
    public static double Quadratic(double x) => Coefficients[0] + Coefficients[1] * x + Coefficients[2] * x * x;

    /// <summary>Σ_i p(x_i) w_i in reverse mode: the table read inside a method of arrays, beside differentiated arrays.</summary>
    [Differentiable]
    public static double WeightedPolynomial(ReadOnlySpan<double> x, ReadOnlySpan<double> w)
    {
        double total = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double s = 0;
            for (int k = Coefficients.Length - 1; k >= 0; k--)
            {
                s = s * x[i] + Coefficients[k];
            }

            total += s * w[i];
        }

        return total;
    }

    /// <summary>Σ_i x_i^(n_i) c_i in reverse mode, with foreach over the int table.</summary>
    [Differentiable]
    public static double PowerSum(double[] x)
    {
        double total = 0;
        int i = 0;
        foreach (int n in Powers)
        {
            total += Coefficients[i] * Math.Pow(x[i], n);
            i++;
        }

        return total;
    }
}
