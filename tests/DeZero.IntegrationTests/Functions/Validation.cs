using System;

namespace DeZero.IntegrationTests.Functions;

/// <summary>Argument validation as people write it: throw statements and throw expressions.</summary>
public static partial class Validation
{
    /// <summary>x·ln x for x &gt; 0.</summary>
    [Differentiable]
    public static double XLogX(double x)
    {
        if (x <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "must be positive");
        }

        return x * Math.Log(x);
    }

    /// <summary>ln x, or a throw expression with an interpolated message.</summary>
    [Differentiable]
    public static double LogOrThrow(double x) =>
        x > 0 ? Math.Log(x) : throw new ArgumentOutOfRangeException(nameof(x), $"x = {x:R} is not positive ({x * 2,8:F2})");

    /// <summary>The throw in the first branch, the value in the second, with effects of its own after the check.</summary>
    [Differentiable]
    public static double SqrtOrThrow(double x, int n) =>
        x < 0 ? throw new ArgumentException("x must not be negative, was " + x + " at " + n, nameof(x)) : Math.Sqrt(x) * (n += 1);

    /// <summary>A partial sum of the geometric series; validation of the int parameter inside a loop.</summary>
    [Differentiable]
    public static double Geometric(double x, int n)
    {
        double s = 0;
        double p = 1;
        for (int i = 0; i <= n; i++)
        {
            if (i > 50)
            {
                throw new InvalidOperationException(string.Concat("too many terms: ", n.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            s += p;
            p *= x;
        }

        return s;
    }

    /// <summary>An expression body that only throws.</summary>
    [Differentiable]
    public static double NotYet(double x) => throw new NotImplementedException();
}
