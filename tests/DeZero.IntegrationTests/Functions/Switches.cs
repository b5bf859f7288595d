using System;

namespace DeZero.IntegrationTests.Functions;

/// <summary>switch statements and switch expressions over int, double and bool.</summary>
public static partial class Switches
{
    /// <summary>A switch statement over an int: constants, a relational pattern with a guard, a default that throws.</summary>
    [Differentiable]
    public static double Polynomial(double x, int degree)
    {
        double p;
        switch (degree)
        {
            case 0:
                p = 1;
                break;
            case 1:
            case 2:
                p = x;
                if (degree == 2)
                {
                    p *= x;
                }

                break;
            case > 2 when x > 0:
                p = Math.Pow(x, degree);
                break;
            case > 2:
                return -x;
            default:
                throw new ArgumentOutOfRangeException(nameof(degree), degree, "a degree is not negative");
        }

        return 3 * p;
    }

    /// <summary>A switch statement over a double inside a loop: continue goes to the loop, break leaves the section.</summary>
    [Differentiable]
    public static double Steps(double x, int n)
    {
        double s = 0;
        for (int i = 0; i < n; i++)
        {
            switch (x * i)
            {
                case < 0.5:
                    s += x;
                    continue;
                case double.NaN:
                    return double.NaN;
                case >= 0.5 and < 2:
                    s += x * x;
                    break;
                default:
                    double t = Math.Sin(x);
                    s += t;
                    break;
            }

            s *= 1.5;
        }

        return s;
    }

    /// <summary>A switch statement over a bool with a default section that also has a label of its own, not last.</summary>
    [Differentiable]
    public static double Flag(double x, int n)
    {
        switch (n > 2)
        {
            case true:
            default:
                return x * n;
            case false when x < 0:
                return -x;
        }
    }

    /// <summary>A switch expression of plain values: nested conditionals.</summary>
    [Differentiable]
    public static double Huber(double r, double delta) => Math.Abs(r) switch
    {
        <= 1e-12 => 0,
        var a when a <= delta => 0.5 * r * r,
        _ => delta * (Math.Abs(r) - 0.5 * delta),
    };

    /// <summary>A switch expression over an int with a throwing arm and arms with effects.</summary>
    [Differentiable]
    public static double Pick(double x, double y, int k)
    {
        int calls = 0;
        double v = k switch
        {
            0 => x,
            1 or 2 => x * (calls += k) + y,
            < 0 => throw new ArgumentOutOfRangeException(nameof(k)),
            _ => Math.Exp(x * y),
        };
        return v + calls;
    }

    /// <summary>A switch expression over a bool and one that is not exhaustive (NaN matches no arm).</summary>
#pragma warning disable CS8509 // NaN matches no arm: C# throws a SwitchExpressionException, and so must the generated members.
    [Differentiable]
    public static double NotExhaustive(double x) =>
        (x > 0) switch { true => x, false => -2 * x } + x switch
        {
            > 0 => Math.Sqrt(x),
            <= 0 => x * x,
        };
#pragma warning restore CS8509

    /// <summary>Declaration patterns: a is a copy of the subject, assigned without touching it.</summary>
    [Differentiable]
    public static double Copies(double x)
    {
        if (x * x is var square && square > 1)
        {
            square += x;
            return square * x;
        }

        return x switch
        {
            double a when a < -0.5 => (a = 2 * a) * x,
            var b => b * b * b,
        };
    }
}
