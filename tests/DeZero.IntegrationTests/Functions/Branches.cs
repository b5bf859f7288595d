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
}
