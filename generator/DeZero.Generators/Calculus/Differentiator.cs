using DeZero.Generators.Model;

namespace DeZero.Generators.Calculus;

/// <summary>The differentiate step of the pipeline: a method's model in, its derivative model out.</summary>
internal static class Differentiator
{
    public static DerivativeSpec Differentiate(MethodSpec method)
    {
        // A handful of scalars: forward mode, one tangent per parameter. Arrays: reverse mode, a constant times one evaluation.
        if (method.TakesArrays)
        {
            return new DerivativeSpec(method, Block.Empty, EquatableArray<Expr>.Empty, ReverseMode.Build(method));
        }

        var gradient = ForwardMode.Build(method);
        return new DerivativeSpec(method, gradient, Formulas.Of(gradient));
    }
}
