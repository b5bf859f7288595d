namespace DeZero;

/// <summary>
/// The built-in differentiable functions, taking and returning variables (DeZero's <c>dezero.functions</c>).
/// Each is one graph node generated from the <c>[Differentiable]</c> definitions in <c>Primitives.cs</c>;
/// elementwise, with a 0-d operand broadcasting against any shape.
/// </summary>
public static class Functions
{
    /// <summary>x².</summary>
    public static Variable Square(Variable x) => Primitives.Square(x);

    /// <summary>eˣ.</summary>
    public static Variable Exp(Variable x) => Primitives.Exp(x);

    /// <summary>The natural logarithm.</summary>
    public static Variable Log(Variable x) => Primitives.Log(x);

    /// <summary>The sine.</summary>
    public static Variable Sin(Variable x) => Primitives.Sin(x);

    /// <summary>The cosine.</summary>
    public static Variable Cos(Variable x) => Primitives.Cos(x);

    /// <summary>The tangent.</summary>
    public static Variable Tan(Variable x) => Primitives.Tan(x);

    /// <summary>The hyperbolic tangent.</summary>
    public static Variable Tanh(Variable x) => Primitives.Tanh(x);

    /// <summary>The hyperbolic sine.</summary>
    public static Variable Sinh(Variable x) => Primitives.Sinh(x);

    /// <summary>The hyperbolic cosine.</summary>
    public static Variable Cosh(Variable x) => Primitives.Cosh(x);

    /// <summary>The arcsine.</summary>
    public static Variable Asin(Variable x) => Primitives.Asin(x);

    /// <summary>The arccosine.</summary>
    public static Variable Acos(Variable x) => Primitives.Acos(x);

    /// <summary>The arctangent.</summary>
    public static Variable Atan(Variable x) => Primitives.Atan(x);

    /// <summary>The square root; its derivative at 0 is +infinity.</summary>
    public static Variable Sqrt(Variable x) => Primitives.Sqrt(x);

    /// <summary>The absolute value; its derivative at 0 is 0.</summary>
    public static Variable Abs(Variable x) => Primitives.Abs(x);

    /// <summary>xᵖ for a constant exponent.</summary>
    public static Variable Pow(Variable x, double p) => Primitives.Pow(x, new Variable(p));

    /// <summary>xᵖ with both operands variables.</summary>
    public static Variable Pow(Variable x, Variable p) => Primitives.Pow(x, p);

    /// <summary>The logistic sigmoid 1 / (1 + e⁻ˣ).</summary>
    public static Variable Sigmoid(Variable x) => Primitives.Sigmoid(x);

    /// <summary>x clipped to [min, max]; the gradient passes where min ≤ x ≤ max (DeZero's <c>clip</c>).</summary>
    public static Variable Clip(Variable x, double min, double max) => Primitives.Clip(x, new Variable(min), new Variable(max));

    /// <summary>The elementwise maximum; a tie splits the gradient half and half.</summary>
    public static Variable Maximum(Variable x0, Variable x1) => Primitives.Maximum(x0, x1);

    /// <summary>The elementwise minimum; a tie splits the gradient half and half.</summary>
    public static Variable Minimum(Variable x0, Variable x1) => Primitives.Minimum(x0, x1);

    /// <summary>x0 + x1.</summary>
    public static Variable Add(Variable x0, Variable x1) => Primitives.Add(x0, x1);

    /// <summary>x0 - x1.</summary>
    public static Variable Sub(Variable x0, Variable x1) => Primitives.Sub(x0, x1);

    /// <summary>x0 · x1.</summary>
    public static Variable Mul(Variable x0, Variable x1) => Primitives.Mul(x0, x1);

    /// <summary>x0 / x1.</summary>
    public static Variable Div(Variable x0, Variable x1) => Primitives.Div(x0, x1);

    /// <summary>-x.</summary>
    public static Variable Neg(Variable x) => Primitives.Neg(x);
}
