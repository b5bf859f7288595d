using System;

namespace DeZero.IntegrationTests.Functions;

/// <summary>is patterns of constants and comparisons.</summary>
public static partial class Patterns
{
    /// <summary>A smooth step on (0, 1): x²(3 - 2x) inside, 0 below, 1 above.</summary>
    [Differentiable]
    public static double SmoothStep(double x) =>
        x is > 0 and < 1 ? x * x * (3 - 2 * x) : x is <= 0 ? 0 : 1;

    /// <summary>Special cases of n and of x, as people write them.</summary>
    [Differentiable]
    public static double Cases(double x, int n)
    {
        if (x is double.NaN)
        {
            return 0;
        }

        if (n is 0 or 1)
        {
            return x;
        }

        bool far = x is < -10 or > 10;
        bool small = n is not (>= 5 and <= 8);
        return far ? 2 * x : small ? x * x * n : Math.Exp(x) * n;
    }

    /// <summary>The subject computed once, with a side effect: read into a temporary.</summary>
    [Differentiable]
    public static double Subject(double x, int k)
    {
        double y = x;
        bool hit = (y = x * x) is >= 1 and <= 4 || k++ is 3;
        return hit ? y * k : y - k;
    }
}
