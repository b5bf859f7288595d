using System;

namespace DeZero.IntegrationTests.Functions;

/// <summary>Calls to other [Differentiable] methods: the chain rule through their generated gradients.</summary>
public static partial class Calls
{
    [Differentiable]
    public static double SumOfOthers(double x, double y) => Basics.Square(x) + 2 * Basics.Rosenbrock(x, y);

    [Differentiable]
    public static double Composed(double x, double y) => Basics.Rosenbrock(x * y, Math.Sin(x));

    [Differentiable]
    public static double Nested(double x, double y) => Basics.Square(Basics.Square(x + y));

    [Differentiable]
    public static double WithIntArgument(double x) => Basics.IntParameter(x, 3);
}
