import { CATEGORIES, type Category, type Subcategory } from '@deepvalue/shared';
import { ApiProperty } from '@nestjs/swagger';
import { EnumField, NestedList, TextField } from '../../common/fields.js';

export class SubcategoryDto implements Subcategory {
  @ApiProperty({ enum: CATEGORIES }) category: Category;
  @ApiProperty({ example: 'possession', description: 'What a case stores.' }) key: string;
  @ApiProperty({ example: 'Possession' }) label: string;
  @ApiProperty({ required: false, description: 'Kept for the cases that hold it, no longer offered.' })
  retired?: boolean;
}

export class SubcategoryInput {
  @EnumField(CATEGORIES) category: Category;
  @TextField({ min: 1, max: 100, description: 'What a case stores; a new entry takes one made from its label.' })
  key: string;
  @TextField({ min: 1, max: 100 }) label: string;
}

/** The whole list, in order. Entries left out are retired (kept on the cases that hold them), not deleted. */
export class SetSubcategoriesDto {
  @NestedList(() => SubcategoryInput, { max: 500 }) items: SubcategoryInput[];
}
