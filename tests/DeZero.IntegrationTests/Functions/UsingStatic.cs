using static System.Math;

namespace DeZero.IntegrationTests.Functions;

/// <summary>Math members reached through <c>using static</c>: the generator reads symbols, not spelling.</summary>
public static partial class UsingStatic
{
    [Differentiable]
    public static double Mixed(double x, double y) => Sin(x) * Exp(y) + Sqrt(x * x + y * y) + PI * Atan(y);
}
