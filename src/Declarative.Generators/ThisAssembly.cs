namespace Declarative.Generators
{
    internal static class ThisAssembly
    {
        /// <summary>Stamped into generated code; fixed per release so snapshots do not churn with builds.</summary>
        public const string Version = "0.1.0";
    }
}
