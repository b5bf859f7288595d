using System;
using DeZero;

namespace DeZero.Samples;

/// <summary>The seed's functions as a user of the generator writes them: plain methods, no backward code.</summary>
internal static partial class Calculus
{
    [Differentiable]
    public static double Square(double x) => x * x;

    [Differentiable]
    public static double Exp(double x) => Math.Exp(x);

    /// <summary>The seed's y = (e^(x²))².</summary>
    [Differentiable]
    public static double F(double x) => Square(Exp(Square(x)));

    /// <summary>Rosenbrock's banana function, minimum 0 at (1, 1).</summary>
    [Differentiable]
    public static double Rosenbrock(double x, double y)
    {
        double a = 1 - x;
        double b = y - x * x;
        return a * a + 100 * b * b;
    }
}
