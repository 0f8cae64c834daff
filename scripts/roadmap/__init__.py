"""The roadmap engine: lesson frontmatter in, a validated graph and its renderings out."""
