using System;

namespace DeZero.IntegrationTests.Functions;

/// <summary>Methods whose second derivatives are tested: through the graph (createGraph) and through …WithHessian.</summary>
public static partial class HigherOrder
{
    /// <summary>Straight-line: its node's backward is a graph of built-ins, differentiable to any order.</summary>
    [Differentiable(Hessian = true)]
    public static double Poly(double x, double y) => (x * x * x * y) + (2 * x * y * y) - Math.Exp(x * y);

    /// <summary>A branch: the node reaches the second order through the second derivatives the generator writes.</summary>
    [Differentiable(Hessian = true)]
    public static double Branchy(double x, double y)
    {
        if (x > y)
        {
            return x * x * y;
        }

        return Math.Sin(x) * Math.Exp(y);
    }

    /// <summary>A loop: Σ xⁱ / i for i = 1..n.</summary>
    [Differentiable(Hessian = true)]
    public static double Series(double x, int n)
    {
        double s = 0, p = 1;
        for (int i = 1; i <= n; i++)
        {
            p *= x;
            s += p / i;
        }

        return s;
    }

    /// <summary>Calls: second derivatives chain through each callee's own.</summary>
    [Differentiable(Hessian = true)]
    public static double Composed(double x, double y) => (Branchy(x, y) * Poly(y, x)) + Series(x, 3);

    /// <summary>The book's x⁴ - 2x², for Newton's method.</summary>
    [Differentiable(Hessian = true)]
    public static double Quartic(double x) => Math.Pow(x, 4) - (2 * Math.Pow(x, 2));

    /// <summary>Kinks in a straight line: the rules' conditions become masks on the data.</summary>
    [Differentiable(Hessian = true)]
    public static double Kinked(double x, double y) => (Math.Abs(x) * y * y) + (Math.Max(x, y) * x);

    /// <summary>A [NoDerivative] double and an int in a straight line, and a function flat wherever it is differentiable.</summary>
    [Differentiable]
    public static double Scaled(double x, [NoDerivative] double alpha, int n) => (alpha * Math.Pow(x, n)) + (Math.Floor(alpha) * x * Math.Floor(x));

    /// <summary>Nine parameters and a branch: second derivatives are written only on request past eight, so its node is first order.</summary>
    [Differentiable]
    public static double Wide(double a, double b, double c, double d, double e, double f, double g, double h, double i) =>
        a > b ? (a * b) + (c * d) + (e * f) + (g * h * i) : a - b;

    /// <summary>A caller of <see cref="Wide(double, double, double, double, double, double, double, double, double)"/>: first order too.</summary>
    [Differentiable]
    public static double CallsWide(double x) => Wide(x, 0.5, x, x, x, x, x, x, x) * x;

    /// <summary>Only a supplied derivative for Bell: first derivatives only.</summary>
    [Differentiable]
    public static double UsesBell(double x) => Bell(x) * x;

    /// <summary>A function the generator does not see into.</summary>
    public static double Bell(double x) => Math.Exp(-x * x);

    [DerivativeOf(nameof(Bell))]
    internal static (double Value, double DX) BellWithGradient(double x) => (Bell(x), -2 * x * Bell(x));
}
