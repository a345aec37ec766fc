// Prettier: the code's own style (double quotes, semicolons, trailing commas, two spaces).
// printWidth 160: the code is written in long lines (99% of them under 155 characters); measured
// on the tree, 160 is where reformatting changes the fewest lines (wider joins lines that were
// wrapped by hand, narrower wraps hundreds of lines that read well as they are).
/** @type {import("prettier").Config} */
export default {
  printWidth: 160,
};
