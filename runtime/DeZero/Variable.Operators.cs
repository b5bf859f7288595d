namespace DeZero;

// The operators delegate to the built-in functions, as DeZero's stage 2 does: each is one graph node.
public sealed partial class Variable
{
    /// <summary>A constant as a leaf variable (DeZero's <c>as_variable</c>), so <c>Huber(r, 1.0)</c> takes a <see cref="double"/> for a <see cref="Variable"/>.</summary>
    /// <param name="value">The value, a 0-d array.</param>
    public static implicit operator Variable(double value) => new(value);

    /// <summary>An array as a leaf variable holding it (DeZero's <c>as_variable</c>); arrays never change, so it is not copied.</summary>
    /// <param name="data">The value; never null (<see cref="System.ArgumentNullException"/>).</param>
    public static implicit operator Variable(NDArray data) => new(data);

    /// <summary>Elementwise sum; a 0-d operand broadcasts.</summary>
    public static Variable operator +(Variable x0, Variable x1) => Functions.Add(x0, x1);

    /// <summary>Adds a constant.</summary>
    public static Variable operator +(Variable x0, double x1) => Functions.Add(x0, new Variable(x1));

    /// <summary>Adds to a constant.</summary>
    public static Variable operator +(double x0, Variable x1) => Functions.Add(new Variable(x0), x1);

    /// <summary>Elementwise difference; a 0-d operand broadcasts.</summary>
    public static Variable operator -(Variable x0, Variable x1) => Functions.Sub(x0, x1);

    /// <summary>Subtracts a constant.</summary>
    public static Variable operator -(Variable x0, double x1) => Functions.Sub(x0, new Variable(x1));

    /// <summary>Subtracts from a constant.</summary>
    public static Variable operator -(double x0, Variable x1) => Functions.Sub(new Variable(x0), x1);

    /// <summary>Elementwise product; a 0-d operand broadcasts.</summary>
    public static Variable operator *(Variable x0, Variable x1) => Functions.Mul(x0, x1);

    /// <summary>Multiplies by a constant.</summary>
    public static Variable operator *(Variable x0, double x1) => Functions.Mul(x0, new Variable(x1));

    /// <summary>Multiplies a constant.</summary>
    public static Variable operator *(double x0, Variable x1) => Functions.Mul(new Variable(x0), x1);

    /// <summary>Elementwise quotient; a 0-d operand broadcasts.</summary>
    public static Variable operator /(Variable x0, Variable x1) => Functions.Div(x0, x1);

    /// <summary>Divides by a constant.</summary>
    public static Variable operator /(Variable x0, double x1) => Functions.Div(x0, new Variable(x1));

    /// <summary>Divides a constant.</summary>
    public static Variable operator /(double x0, Variable x1) => Functions.Div(new Variable(x0), x1);

    /// <summary>Elementwise negation.</summary>
    public static Variable operator -(Variable x) => Functions.Neg(x);
}
