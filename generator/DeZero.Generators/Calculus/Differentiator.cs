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

        // Every method of doubles gets its second derivatives (its node's second-order backward, and what a caller's own
        // second derivatives chain through); a straight-line one also gets its backward as a graph, for any order.
        var (hessian, noHessian) = SecondDerivatives(method);
        return new DerivativeSpec(method, gradient, Formulas.Of(gradient), null, hessian, noHessian, GraphBackward.Build(method, gradient));
    }

    private static (Block? Hessian, string? NoHessian) SecondDerivatives(MethodSpec method)
    {
        if (method.NoSecondDerivatives is { } reason)
        {
            return (null, reason);
        }

        try
        {
            return (ForwardMode.BuildHessian(method), null);
        }
        catch (NoSecondDerivativesException exception)
        {
            return (null, exception.Message);
        }
    }
}
