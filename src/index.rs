//! Typed indexes into an analysed article: which entity, event, section or passage a
//! number means is in its type, so one cannot be passed where another is wanted. Each
//! indexes a slice or `Vec` directly (`article.entities[entity]`).

use std::ops::{Index, IndexMut};

macro_rules! typed_index {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(pub usize);

        impl<T> Index<$name> for [T] {
            type Output = T;

            fn index(&self, index: $name) -> &T {
                &self[index.0]
            }
        }

        impl<T> IndexMut<$name> for [T] {
            fn index_mut(&mut self, index: $name) -> &mut T {
                &mut self[index.0]
            }
        }

        // `Vec`'s own `Index` takes any index a slice takes, which would hide the above.
        impl<T> Index<$name> for Vec<T> {
            type Output = T;

            fn index(&self, index: $name) -> &T {
                &self[index.0]
            }
        }

        impl<T> IndexMut<$name> for Vec<T> {
            fn index_mut(&mut self, index: $name) -> &mut T {
                &mut self[index.0]
            }
        }
    };
}

typed_index!(
    /// An entity's position in `Article::entities`.
    EntityIx
);
typed_index!(
    /// An event's position in `Article::events`.
    EventIx
);
typed_index!(
    /// A section's position in `Article::sections`.
    SectionIx
);
typed_index!(
    /// A passage's position in `Document::passages`.
    PassageIx
);
