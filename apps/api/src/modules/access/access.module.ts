import { Global, Module } from '@nestjs/common';
import { Sessions } from './sessions.service';
import { UnitResolver } from './unit-resolver.service';

@Global()
@Module({
  providers: [UnitResolver, Sessions],
  exports: [UnitResolver, Sessions],
})
export class AccessModule {}
