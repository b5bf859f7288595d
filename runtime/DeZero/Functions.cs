namespace DeZero;

/// <summary>The built-in differentiable functions, taking and returning variables (DeZero's <c>dezero.functions</c>).</summary>
public static partial class Functions
{
    /// <summary>x², elementwise.</summary>
    public static Variable Square(Variable x) => new SquareFunction().Call(x);

    /// <summary>eˣ, elementwise.</summary>
    public static Variable Exp(Variable x) => new ExpFunction().Call(x);

    /// <summary>x0 + x1, elementwise; a 0-d operand broadcasts.</summary>
    public static Variable Add(Variable x0, Variable x1) => new AddFunction().Call(x0, x1);

    /// <summary>x0 · x1, elementwise; a 0-d operand broadcasts.</summary>
    public static Variable Mul(Variable x0, Variable x1) => new MulFunction().Call(x0, x1);
}
