namespace DeZero.Generators.Model;

/// <summary>
/// A static local function of a [Differentiable] method (of double and int parameters, returning double, int or bool),
/// printed where it is declared, in the method and in its derivative program alike. Calls to it are <see cref="UserCall"/>s
/// of a <see cref="MemberRef"/> with an empty type: the bare name. <paramref name="Gradient"/>: the name of its value-and-gradient
/// function, which derivative programs write beside it (a <see cref="LocalGradient"/>); null when there is no derivative to
/// take (a result that is not double, or no double parameter). <paramref name="Hessian"/>: the name of its second-derivative
/// function, which second-derivative programs write beside it instead; null when <paramref name="Gradient"/> is.
/// </summary>
internal sealed record LocalFunction(
    string Name, ValueKind Returns, EquatableArray<ParameterSpec> Parameters, Block Body, string? Gradient, string? Hessian = null) : Stmt;

/// <summary>
/// Only in derivative programs: a local function differentiated as a method is. At <paramref name="Order"/> 1 its
/// value-and-gradient function, returning the value and one partial per double parameter; at 2 its second-derivative
/// function, returning those, then the upper triangle of its Hessian row by row.
/// </summary>
internal sealed record LocalGradient(string Name, EquatableArray<ParameterSpec> Parameters, Block Body, int Order = 1) : Stmt;
