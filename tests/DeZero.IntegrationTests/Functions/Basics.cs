namespace DeZero.IntegrationTests.Functions;

/// <summary>Arithmetic, locals, assignment forms, int parameters and constants.</summary>
public static partial class Basics
{
    private const double Seven = 7;

    [Differentiable]
    public static double Square(double x) => x * x;

    [Differentiable]
    public static double Rosenbrock(double x, double y)
    {
        double a = 1 - x;
        double b = y - x * x;
        return a * a + 100 * b * b;
    }

    /// <summary>The three shapes of a scaled square the generator differentiates as 2c·s·ds: s·s, c·s·s and s·c·s.</summary>
    [Differentiable]
    public static double ScaledSquares(double x, double y) =>
        (x + y) * (x + y) + 0.5 * System.Math.Sin(x) * System.Math.Sin(x) + System.Math.Exp(y) * -3.0 * System.Math.Exp(y);

    [Differentiable]
    public static double Quotient(double x, double y) => (x + 1) / (y * y + 1);

    [Differentiable]
    public static double Polynomial(double x)
    {
        const double half = 0.5;
        return 3 * x * x * x - half * x + Seven;
    }

    [Differentiable]
    public static double Unary(double x, double y) => -x * +y - -(x);

    [Differentiable]
    public static double Compound(double x, double y)
    {
        double s = x;
        s += y;
        s *= x;
        s -= 2 * y;
        s /= 2;
        return s;
    }

    [Differentiable]
    public static double IncrementDecrement(double x)
    {
        double a = x;
        a++;
        a *= a;
        a--;
        ++a;
        --a;
        return a * x;
    }

    [Differentiable]
    public static double ReassignParameters(double x, double y)
    {
        x = x * y;
        y = x + y;
        return x * y;
    }

    [Differentiable]
    public static double IntParameter(double x, int n)
    {
        int m = n + 1;
        double r = x * m;
        return r * r / n;
    }

    // C# semantics first: 1 / 2 and two / 4 are integer divisions, both 0.
    [Differentiable]
    public static double IntegerDivision(double x)
    {
        int two = 2;
        double h = two;
        return 1 / 2 * x + h * x / 4 + two / 4;
    }

    [Differentiable]
    public static double ImplicitConversions(double x, int k) => k * x + k / 2 + x / k;

    [Differentiable]
    public static double Constants(double x) =>
        System.Math.PI * x + System.Math.E * x * x - System.Math.Tau + double.Pi + double.E * x;

    /// <summary>Issue 16, bug 5: default values were dropped from the generated members (CS7036 on <c>WithDefaultWithGradient(1.5)</c>).</summary>
    [Differentiable]
    public static double WithDefault(double x, double scale = 2.5, int power = 3, double shift = -0.5) =>
        scale * System.Math.Pow(x, power) + shift * x;

    /// <summary>An int default after the last double: the graph overload keeps it too.</summary>
    [Differentiable]
    public static double PowerWithDefault(double x, int n = 3) => System.Math.Pow(x, n);

    /// <summary>A [NoDerivative] double with a default: a double in every generated signature, its default kept.</summary>
    [Differentiable]
    public static double WithDataScale(double x, [NoDerivative] double scale = 2.5) => scale * x * x;
}
