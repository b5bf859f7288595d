namespace DeZero.Generators.Model;

/// <summary>
/// The counterpart among the runtime's built-in functions (<c>DeZero.Functions</c>, on variables) of each smooth
/// function of the <see cref="Catalog"/> that has one, for node backwards written as graphs. Those that are zero wherever
/// their derivative exists (Floor, Round, Sign, …) have none: a graph computes their values per element, off the graph.
/// A body calling any other function gets no graph (its node reaches the second order through its second derivatives).
/// </summary>
internal static class GraphFunctions
{
    /// <summary>The member of <c>DeZero.Functions</c> computing <paramref name="call"/> on variables, or null.</summary>
    public static string? Of(MathCall call) => (call.Name, call.Arguments.Count) switch
    {
        ("Abs", 1) => "Abs",
        ("Acos", 1) => "Acos",
        ("Asin", 1) => "Asin",
        ("Atan", 1) => "Atan",
        ("Clamp", 3) => "Clip",
        ("Cos", 1) => "Cos",
        ("Cosh", 1) => "Cosh",
        ("Exp", 1) => "Exp",
        ("Log", 1) => "Log",
        ("Max", 2) => "Maximum",
        ("Min", 2) => "Minimum",
        ("Pow", 2) => "Pow",
        ("Sin", 1) => "Sin",
        ("Sinh", 1) => "Sinh",
        ("Sqrt", 1) => "Sqrt",
        ("Tan", 1) => "Tan",
        ("Tanh", 1) => "Tanh",
        _ => null,
    };

    /// <summary>
    /// Whether argument <paramref name="index"/> of <paramref name="call"/> may be a plain number (its overload takes a
    /// <c>double</c> there: Pow's exponent), and whether it must be one (<c>Functions.Clip</c>'s bounds are doubles).
    /// </summary>
    public static (bool MayBeNumber, bool MustBeNumber) Number(MathCall call, int index) => (call.Name, index) switch
    {
        ("Pow", 1) => (true, false),
        ("Clamp", 1 or 2) => (true, true),
        _ => (false, false),
    };
}
