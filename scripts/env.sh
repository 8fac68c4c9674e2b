# Sourced by the scripts: the tools scripts/setup installed, first on PATH.
# binaryen's wasm-opt from npm must come before any other (docs/toolchain.md).
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
