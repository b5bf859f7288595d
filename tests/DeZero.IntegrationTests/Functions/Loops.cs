using System;

namespace DeZero.IntegrationTests.Functions;

/// <summary>for, while and do loops with break and continue, data-dependent trip counts, recursion.</summary>
public static partial class Loops
{
    [Differentiable]
    public static double SumOfPowers(double x, int n)
    {
        double s = 0;
        for (int i = 1; i <= n; i++)
        {
            s += Math.Pow(x, i);
        }

        return s;
    }

    [Differentiable]
    public static double RepeatedSquaring(double x)
    {
        for (int i = 0; i < 3; i++) x = x * x;
        return x;
    }

    [Differentiable]
    public static double HalveUntilSmall(double x)
    {
        while (x > 1) x /= 2;
        return x;
    }

    [Differentiable]
    public static double DoWhileBreakContinue(double x)
    {
        double s = 0;
        int i = 0;
        do
        {
            i++;
            if (i == 2) continue;
            if (i > 4) break;
            s = s * x + i;
        }
        while (i < 10);
        return s;
    }

    [Differentiable]
    public static double WhileContinue(double x)
    {
        int i = 0;
        double s = 0;
        while (i < 6)
        {
            i++;
            if (i == 2 || i == 4) continue;
            s += Math.Sin(x * i);
        }

        return s;
    }

    [Differentiable]
    public static double NestedLoops(double x, double y)
    {
        for (int i = 0; i < 2; i++)
        {
            for (int j = 0; j < 2; j++)
            {
                x = x * y;
            }
        }

        return x + y;
    }

    [Differentiable]
    public static double TriangularSum(double x, int n)
    {
        double s = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                s += x * j;
            }
        }

        return s;
    }

    [Differentiable]
    public static double EarlyReturnInLoop(double x)
    {
        for (int i = 0; i < 100; i++)
        {
            x = x * 1.5;
            if (x > 10) return x - 10;
        }

        return x;
    }

    [Differentiable]
    public static double NewtonSqrt(double a)
    {
        double r = a;
        for (int i = 0; i < 30; i++)
        {
            r = 0.5 * (r + a / r);
        }

        return r;
    }

    [Differentiable]
    public static double PowRec(double x, int n) => n == 0 ? 1 : x * PowRec(x, n - 1);

    [Differentiable]
    public static double SinRec(double x, int n) => n == 0 ? x : Math.Sin(SinRec(x, n - 1));
}
