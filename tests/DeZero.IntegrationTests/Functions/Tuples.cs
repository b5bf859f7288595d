using System;

namespace DeZero.IntegrationTests.Functions;

/// <summary>Tuple deconstruction and swaps of locals.</summary>
public static partial class Tuples
{
    /// <summary>The Fibonacci recurrence with a swap: a_n for a_0 = 1, a_1 = x.</summary>
    [Differentiable]
    public static double Fibonacci(double x, int n)
    {
        double a = 1, b = x;
        for (int i = 0; i < n; i++)
        {
            (a, b) = (b, a + b);
        }

        return a;
    }

    /// <summary>var (s, c) = (…), typed declarations, a discard and a swap of parameters.</summary>
    [Differentiable]
    public static double Rotate(double x, double y, double angle)
    {
        var (s, c) = (Math.Sin(angle), Math.Cos(angle));
        (double u, int k) = (c * x - s * y, 2);
        (x, y, _) = (y, x, u);
        (y, u) = (u, y * k);
        return u + x * y;
    }

    /// <summary>Values with effects, read left to right before any target is assigned.</summary>
    [Differentiable]
    public static double Effects(double x, int n)
    {
        double a = x, b = 2;
        (a, b) = (b * n++, a * n);
        return a + b;
    }
}
