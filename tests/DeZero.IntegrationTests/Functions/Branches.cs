using System;

namespace DeZero.IntegrationTests.Functions;

/// <summary>The conditional operator, if/else, early return, && || ! and bool locals.</summary>
public static partial class Branches
{
    [Differentiable]
    public static double Relu(double x) => x > 0 ? x : 0;

    [Differentiable]
    public static double Piecewise(double x, double y)
    {
        if (x < 0)
            return -x * y;
        else if (x < 1 && y > 0)
        {
            return x * x * y;
        }

        double t = x + y;
        if (!(t > 3) || y < -1)
            t *= 2;
        return t * x;
    }

    [Differentiable]
    public static double NestedConditional(double x, double y) =>
        x > y ? (x > 0 ? x * y : y) : (y > 2 || x < -1 ? Math.Sin(x) : x + y);

    [Differentiable]
    public static double EarlyReturn(double x)
    {
        double a = x * x;
        if (a > 4) return a;
        double b = a * x;
        if (b < 0)
        {
            b = -b;
        }

        return b + a;
    }

    [Differentiable]
    public static double BoolLocal(double x, double y)
    {
        bool big = x > 1 && !(y < 0);
        return big ? x * y : x - y;
    }

    /// <summary>
    /// Issue 16, bug 1: &amp;=, |= and ^= on a bool local once printed <c>b = (bool)((int)b &amp; (int)(x &lt; 3.0))</c>,
    /// which is CS0030 inside the generated file.
    /// </summary>
    [Differentiable]
    public static double BoolCompound(double x)
    {
        bool b = x > 0;
        b &= x < 3.0;
        bool outside = x < -1;
        outside |= x > 2;
        bool odd = b;
        odd ^= outside;
        return b ? x * x : odd ? 3 * x : -x;
    }
}
